#include "client/input_file.hpp"

#include <fstream>
#include <istream>
#include <sstream>

#include "client/input_errors.hpp"

namespace fupin::client {

std::string read_input(const std::string& path, std::istream& in) {
    std::ostringstream text;
    if (path == "-") {
        text << in.rdbuf();
        return text.str();
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) throw unreadable_file("cannot read " + path);
    text << file.rdbuf();
    if (file.bad()) throw unreadable_file("cannot read " + path);
    return text.str();
}

}  // namespace fupin::client
