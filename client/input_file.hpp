#pragma once
// A file named on the command line, read whole: `-` is standard input. Throws unreadable_file (input_errors.hpp).
#include <iosfwd>
#include <string>

namespace fupin::client {

std::string read_input(const std::string& path, std::istream& in);

}  // namespace fupin::client
