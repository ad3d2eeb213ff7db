#include "common/api_error.hpp"

#include <utility>

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

api_error::api_error(int status, std::string code, std::string message_zh, std::string message_en, std::string field)
    : std::runtime_error(code),
      status_(status),
      code_(std::move(code)),
      message_zh_(std::move(message_zh)),
      message_en_(std::move(message_en)),
      field_(std::move(field)) {}

api_error api_error::invalid_field(std::string field, std::string code, std::string message_zh, std::string message_en) {
    return api_error(422, std::move(code), std::move(message_zh), std::move(message_en), std::move(field));
}

api_error api_error::not_found(std::string what_zh, std::string what_en) {
    return api_error(404, "not_found", what_zh + "不存在", std::move(what_en) + " not found");
}

}  // namespace fupin::common
