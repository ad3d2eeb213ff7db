#include "client/password_input.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "client/terminal_echo_guard.hpp"

namespace fupin::client {
namespace {

constexpr std::size_t max_line = 1024;

void write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const auto n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;  // a prompt that cannot be shown is no reason to stop
        done += static_cast<std::size_t>(n);
    }
}

// The controlling terminal, closed on every path.
class tty_file {
public:
    tty_file() : fd_(::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)) {
        if (fd_ < 0) throw password_input_error("no terminal to ask on");
    }
    ~tty_file() { ::close(fd_); }
    tty_file(const tty_file&) = delete;
    tty_file& operator=(const tty_file&) = delete;
    int fd() const { return fd_; }

private:
    int fd_;
};

std::string read_line(int fd, const char* what) {
    std::string line;
    for (;;) {
        char c = 0;
        const auto n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw password_input_error(std::string("cannot read the ") + what + ": " + std::strerror(errno));
        if (n == 0 || c == '\n') break;
        if (line.size() >= max_line) throw password_input_error(std::string("the ") + what + " is too long");
        line += c;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) throw password_input_error(std::string("no ") + what + " given");
    return line;
}

}  // namespace

std::string read_password_line(int fd) { return read_line(fd, "password"); }

std::string read_password_from_terminal(int tty_fd, const std::string& prompt) {
    write_all(tty_fd, prompt);
    const terminal_echo_guard no_echo(tty_fd);
    return read_line(tty_fd, "password");
}

std::string ask_password(const std::string& prompt) {
    const tty_file tty;
    return read_password_from_terminal(tty.fd(), prompt);
}

std::string ask_line(const std::string& prompt) {
    const tty_file tty;
    write_all(tty.fd(), prompt);
    return read_line(tty.fd(), "username");
}

}  // namespace fupin::client
