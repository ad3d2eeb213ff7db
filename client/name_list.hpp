#pragma once
// A list of names typed on the command line ("张三, 李四，王五、赵六"): clerks type the Chinese comma and the
// enumeration comma as often as the ASCII one.
#include <string>
#include <vector>

namespace fupin::client {

// The names, each trimmed of spaces and tabs; empty items are dropped.
std::vector<std::string> split_names(const std::string& text);

}  // namespace fupin::client
