#pragma once
// Input of a command that cannot be used, found before anything is sent, and an output file that cannot be
// written; cli_app prints and maps them.
#include <stdexcept>

namespace fupin::client {

// A file named on the command line that cannot be read (exit 2, usage).
struct unreadable_file : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A file a command cannot write where it was told to (exit 2, usage): a printed document's.
struct unwritable_file : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A file that is not JSON (exit 3, as the server's 400 invalid_json).
struct invalid_json_file : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace fupin::client
