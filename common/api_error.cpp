#include "common/api_error.hpp"

#include <utility>

namespace fupin::common {

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
