// Reading a password: one line from a descriptor (pipe) for scripts, and from a terminal (a pseudo-terminal
// here) with echo off, the terminal restored afterwards: on return, on error and when Ctrl-C kills the process.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <future>
#include <string>
#include <thread>

#include "client/password_input.hpp"

using namespace fupin::client;

namespace {

struct pipe_fds {
    pipe_fds() { EXPECT_EQ(::pipe(fds), 0); }
    ~pipe_fds() {
        for (int fd : fds)
            if (fd >= 0) ::close(fd);
    }
    void write(const std::string& text) { ASSERT_EQ(::write(fds[1], text.data(), text.size()), static_cast<ssize_t>(text.size())); }
    void close_write() {
        ::close(fds[1]);
        fds[1] = -1;
    }
    int read_end() const { return fds[0]; }
    int fds[2] = {-1, -1};
};

// A pseudo-terminal: the test types on the master side; the code under test reads the slave side as its tty.
struct pty {
    pty() {
        master = ::posix_openpt(O_RDWR | O_NOCTTY);
        EXPECT_GE(master, 0);
        EXPECT_EQ(::grantpt(master), 0);
        EXPECT_EQ(::unlockpt(master), 0);
        slave = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
        EXPECT_GE(slave, 0);
    }
    ~pty() {
        ::close(slave);
        ::close(master);
    }
    bool echo_on() const {
        termios t{};
        ::tcgetattr(slave, &t);
        return (t.c_lflag & ECHO) != 0;
    }
    // Everything the terminal shows within `ms` (prompt and any echo).
    std::string screen(int ms = 200) const {
        std::string text;
        pollfd p{master, POLLIN, 0};
        while (::poll(&p, 1, ms) > 0) {
            char buf[256];
            const auto n = ::read(master, buf, sizeof buf);
            if (n <= 0) break;
            text.append(buf, static_cast<std::size_t>(n));
        }
        return text;
    }
    void type(const std::string& text) const { ASSERT_EQ(::write(master, text.data(), text.size()), static_cast<ssize_t>(text.size())); }
    // Waits until the reader has turned echo off (it then waits for the line).
    bool wait_for_echo_off() const {
        for (int i = 0; i < 200; ++i) {
            if (!echo_on()) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }
    int master = -1;
    int slave = -1;
};

}  // namespace

TEST(password_input, reads_one_line_from_a_pipe_and_leaves_the_rest) {
    pipe_fds p;
    p.write("s3cret pass word\r\nnext line\n");
    EXPECT_EQ(read_password_line(p.read_end()), "s3cret pass word");
    EXPECT_EQ(read_password_line(p.read_end()), "next line");
}

TEST(password_input, a_last_line_without_newline_counts) {
    pipe_fds p;
    p.write("no newline at the end");
    p.close_write();
    EXPECT_EQ(read_password_line(p.read_end()), "no newline at the end");
}

TEST(password_input, nothing_or_too_much_is_refused) {
    {
        pipe_fds p;
        p.close_write();
        EXPECT_THROW(read_password_line(p.read_end()), password_input_error);
    }
    {
        pipe_fds p;
        p.write("\n");
        EXPECT_THROW(read_password_line(p.read_end()), password_input_error);
    }
    {
        pipe_fds p;
        p.write(std::string(2000, 'x') + "\n");
        EXPECT_THROW(read_password_line(p.read_end()), password_input_error);
    }
    EXPECT_THROW(read_password_line(-1), password_input_error);
}

TEST(password_input, terminal_does_not_echo_and_is_restored) {
    pty t;
    ASSERT_TRUE(t.echo_on());
    auto result = std::async(std::launch::async, [&] { return read_password_from_terminal(t.slave, "密码："); });
    ASSERT_TRUE(t.wait_for_echo_off());
    t.type("hunter2hunter2\n");
    EXPECT_EQ(result.get(), "hunter2hunter2");
    const auto shown = t.screen();
    EXPECT_NE(shown.find("密码："), std::string::npos) << shown;
    EXPECT_EQ(shown.find("hunter2"), std::string::npos) << "the password was echoed: " << shown;
    EXPECT_TRUE(t.echo_on()) << "echo stays off after the password was read";

    // Control: with echo on (no guard) the same terminal does show what is typed, so the check above can fail.
    t.type("visible\n");
    EXPECT_NE(t.screen().find("visible"), std::string::npos);
}

TEST(password_input, terminal_is_restored_when_reading_fails) {
    pty t;
    auto result = std::async(std::launch::async, [&] { return read_password_from_terminal(t.slave, "Password: "); });
    ASSERT_TRUE(t.wait_for_echo_off());
    t.type("\x04");  // Ctrl-D on an empty line: end of file, no password
    EXPECT_THROW(result.get(), password_input_error);
    EXPECT_TRUE(t.echo_on());
}

// Ctrl-C (SIGINT) kills the process by the default action, which runs no destructor: the guard's signal handler
// must restore the terminal first. Run in a child process, which the signal is allowed to kill.
TEST(password_input, terminal_is_restored_when_interrupted) {
    pty t;
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        try {
            read_password_from_terminal(t.slave, "Password: ");
        } catch (...) {
        }
        ::_exit(0);  // reached only if the signal did not kill us
    }
    ASSERT_TRUE(t.wait_for_echo_off());
    ::kill(child, SIGINT);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) << "status " << status;
    EXPECT_TRUE(t.echo_on()) << "Ctrl-C left the terminal without echo";
}
