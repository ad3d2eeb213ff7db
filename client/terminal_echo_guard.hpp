#pragma once
// Turns off echo on a terminal while a password is typed, and turns it back on however the reading ends: the
// destructor (return or exception), and a handler for SIGINT, SIGTERM, SIGQUIT and SIGHUP that restores the
// terminal and then dies of the same signal (Ctrl-C must not leave the clerk's shell without echo).
// One guard at a time per process; the CLI only ever reads one password at a time.
namespace fupin::client {

class terminal_echo_guard {
public:
    // Does nothing (active() false) when `fd` is not a terminal, e.g. a pipe in a test or a script.
    explicit terminal_echo_guard(int fd);
    ~terminal_echo_guard();
    terminal_echo_guard(const terminal_echo_guard&) = delete;
    terminal_echo_guard& operator=(const terminal_echo_guard&) = delete;

    bool active() const { return active_; }

private:
    bool active_ = false;
};

}  // namespace fupin::client
