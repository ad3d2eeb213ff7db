#include "server/api/spooled_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

namespace fupin::server::api {
namespace {

constexpr std::size_t buffer_size = 64 * 1024;

[[noreturn]] void fail(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

}  // namespace

spooled_file::spooled_file() {
    std::string name = (std::filesystem::temp_directory_path() / "fupin-answer-XXXXXX").string();
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd_ < 0) fail("cannot make a temporary file for an answer");
    ::unlink(name.c_str());
    buffer_.reserve(buffer_size);
}

spooled_file::~spooled_file() {
    if (fd_ >= 0) ::close(fd_);
}

void spooled_file::append(std::string_view bytes) {
    size_ += bytes.size();
    if (buffer_.size() + bytes.size() > buffer_size) flush();
    if (bytes.size() >= buffer_size) {
        for (std::size_t done = 0; done < bytes.size();) {
            const auto n = ::write(fd_, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) fail("cannot write an answer's temporary file");
            done += static_cast<std::size_t>(n);
        }
        return;
    }
    buffer_.append(bytes);
}

void spooled_file::flush() {
    for (std::size_t done = 0; done < buffer_.size();) {
        const auto n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("cannot write an answer's temporary file");
        done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
}

void spooled_file::finish() {
    flush();
    if (::lseek(fd_, 0, SEEK_SET) < 0) fail("cannot rewind an answer's temporary file");
}

int spooled_file::release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

}  // namespace fupin::server::api
