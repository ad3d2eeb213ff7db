#include "client/terminal_echo_guard.hpp"

#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <stdexcept>

namespace fupin::client {
namespace {

// What the signal handler needs; plain statics because a handler may touch nothing else.
termios saved_settings{};
int saved_fd = -1;
volatile std::sig_atomic_t restore_pending = 0;

constexpr int handled_signals[] = {SIGINT, SIGTERM, SIGQUIT, SIGHUP};
struct sigaction saved_actions[sizeof handled_signals / sizeof handled_signals[0]];

extern "C" void restore_and_die(int signal_number) {
    // tcsetattr, signal and raise are async-signal-safe.
    if (restore_pending) ::tcsetattr(saved_fd, TCSANOW, &saved_settings);
    restore_pending = 0;
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

}  // namespace

terminal_echo_guard::terminal_echo_guard(int fd) {
    if (!::isatty(fd)) return;
    if (restore_pending) throw std::logic_error("terminal_echo_guard: one at a time");
    termios settings{};
    if (::tcgetattr(fd, &settings) != 0) return;
    saved_settings = settings;
    saved_fd = fd;
    restore_pending = 1;
    struct sigaction action {};
    action.sa_handler = restore_and_die;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < std::size(handled_signals); ++i)
        ::sigaction(handled_signals[i], &action, &saved_actions[i]);
    // ECHO off, ECHONL on: the Enter still moves to the next line. ICANON stays, so backspace works.
    settings.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    settings.c_lflag |= ECHONL;
    if (::tcsetattr(fd, TCSAFLUSH, &settings) != 0) {
        restore_pending = 0;
        for (std::size_t i = 0; i < std::size(handled_signals); ++i)
            ::sigaction(handled_signals[i], &saved_actions[i], nullptr);
        throw std::runtime_error("cannot turn off echo on the terminal");
    }
    active_ = true;
}

terminal_echo_guard::~terminal_echo_guard() {
    if (!active_) return;
    ::tcsetattr(saved_fd, TCSANOW, &saved_settings);
    restore_pending = 0;
    for (std::size_t i = 0; i < std::size(handled_signals); ++i)
        ::sigaction(handled_signals[i], &saved_actions[i], nullptr);
}

}  // namespace fupin::client
