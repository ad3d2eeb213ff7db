#pragma once
// An answer's body kept in a temporary file instead of memory: a printed book or an export, which may run to
// megabytes, is written here as it is made and sent from here (net/http_message.cpp gives it to Beast's file
// body), so no answer is ever held whole in the server's memory. The file is unlinked as soon as it is made: it
// has no name to find, and it goes when its last descriptor closes, whatever becomes of the request.
#include <cstdint>
#include <string>
#include <string_view>

namespace fupin::server::api {

class spooled_file {
public:
    // In the system's temporary folder (TMPDIR); throws std::system_error when none can be made.
    spooled_file();
    ~spooled_file();
    spooled_file(const spooled_file&) = delete;
    spooled_file& operator=(const spooled_file&) = delete;

    // Buffered; throws std::system_error when the disk refuses (ENOSPC, …).
    void append(std::string_view bytes);
    std::uint64_t size() const { return size_; }

    // Writes what is buffered and rewinds to the start: the file is whole. Throws std::system_error (a full
    // disk) where it is called: on the worker that made the answer, where failures become error answers.
    void finish();
    // Hands over the descriptor of a finished file; the caller closes it. Touches no file: never fails.
    int release();

private:
    void flush();

    int fd_ = -1;
    std::uint64_t size_ = 0;
    std::string buffer_;
};

}  // namespace fupin::server::api
