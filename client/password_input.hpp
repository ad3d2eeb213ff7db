#pragma once
// Reading a password (and the username at the login prompt) without it ever showing: from the terminal with
// echo off (terminal_echo_guard), or one line from a file descriptor for scripts (`--password-fd 0` reads
// standard input; a script can pass a pipe so the password is in no argument list or environment).
#include <stdexcept>
#include <string>

namespace fupin::client {

// No terminal to ask on, nothing on the descriptor, or a line that is too long (what() says which, in English;
// the CLI adds its own Chinese text).
class password_input_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reads bytes from `fd` up to a newline or end of file, one byte at a time so that nothing after the line is
// consumed. Drops the "\n" and a "\r" before it. Throws password_input_error on an empty line or end of file
// before anything (no password is not a password), a line over 1024 bytes, or a read error.
std::string read_password_line(int fd);

// Writes `prompt` to `tty_fd`, reads one line from it with echo off and returns it. Throws like
// read_password_line.
std::string read_password_from_terminal(int tty_fd, const std::string& prompt);

// The same on the controlling terminal (/dev/tty), so it works while standard input is redirected.
// Throws password_input_error when there is none (a script must use --password-fd).
std::string ask_password(const std::string& prompt);
// Asks for a line with echo on (the username); the same errors.
std::string ask_line(const std::string& prompt);

}  // namespace fupin::client
