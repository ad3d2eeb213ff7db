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

api_error api_error::version_conflict(const std::string& what_zh, const std::string& what_en,
                                     std::int64_t current_version) {
    const auto current = std::to_string(current_version);
    api_error error(409, "version_conflict", what_zh + "已被他人修改(当前版本 " + current + "),请重新读取后再修改",
                    what_en + " was changed by someone else (now version " + current +
                        "); read it again and redo the change",
                    "version");
    error.with_detail("current_version", current);
    return error;
}

}  // namespace fupin::common
