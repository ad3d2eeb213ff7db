#include "common/language.hpp"

namespace fupin::common {

language language_from_accept_language(const std::string& header) {
    // Only the first preference counts: a client that asks for English first gets English.
    auto first = header.substr(0, header.find_first_of(",;"));
    while (!first.empty() && first.front() == ' ') first.erase(first.begin());
    if (first.size() >= 2 && (first[0] == 'e' || first[0] == 'E') && (first[1] == 'n' || first[1] == 'N') &&
        (first.size() == 2 || first[2] == '-' || first[2] == '_'))
        return language::en;
    return language::zh;
}

}  // namespace fupin::common
