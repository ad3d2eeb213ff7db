// The spooled file an answer's body may be kept in: what is appended in pieces of any size comes back whole and
// in order from the descriptor it hands over, and the file has no name left in the temporary folder.
#include "server/api/spooled_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace fupin::server::api {
namespace {

std::string read_all(int fd) {
    std::string out;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
    return out;
}

// What the kernel says the descriptor is: a file with no name left ends in " (deleted)".
std::string target_of(int fd) { return std::filesystem::read_symlink("/proc/self/fd/" + std::to_string(fd)).string(); }

TEST(SpooledFile, GivesBackWhatWasAppendedInOrder) {
    std::string expected;
    spooled_file file;
    for (int i = 0; i < 2000; ++i) {  // small pieces, buffered
        const auto piece = "行" + std::to_string(i) + ",";
        file.append(piece);
        expected += piece;
    }
    const std::string large(200 * 1024, 'x');  // larger than the buffer: written through
    file.append(large);
    expected += large;
    file.append("end");
    expected += "end";
    EXPECT_EQ(file.size(), expected.size());
    file.finish();
    const int fd = file.release();
    EXPECT_TRUE(target_of(fd).ends_with(" (deleted)")) << target_of(fd);
    EXPECT_EQ(read_all(fd), expected);
}

TEST(SpooledFile, AnEmptyOneIsEmpty) {
    spooled_file file;
    file.finish();
    EXPECT_EQ(read_all(file.release()), "");
}

}  // namespace
}  // namespace fupin::server::api
