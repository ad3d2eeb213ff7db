#pragma once
// The one typed error of the API. Thrown anywhere below the router, caught in one place and turned into
// {"error":{"code":"…","message":"…","field":"…"}} with the right HTTP status. Messages are written in Chinese
// and English at the throw site so that the message a clerk reads says exactly what is wrong.
#include <cstdint>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "common/language.hpp"

namespace fupin::common {

class api_error : public std::runtime_error {
public:
    api_error(int status, std::string code, std::string message_zh, std::string message_en, std::string field = {});

    int status() const noexcept { return status_; }
    const std::string& code() const noexcept { return code_; }
    const std::string& field() const noexcept { return field_; }
    const std::string& message(language lang) const noexcept { return lang == language::en ? message_en_ : message_zh_; }

    // Common shapes.
    static api_error invalid_field(std::string field, std::string code, std::string message_zh, std::string message_en);
    static api_error not_found(std::string what_zh, std::string what_en);
    // 409 version_conflict at "version" with details.current_version: the record (what, e.g. "该户档案" / "the
    // household file") was changed by someone else since the version the change was based on.
    static api_error version_conflict(const std::string& what_zh, const std::string& what_en,
                                      std::int64_t current_version);

    // Extra facts a program may act on, rendered as "details" beside code and message
    // (e.g. where an already registered person is). Never personal data of another township.
    api_error& with_detail(const std::string& key, std::string value) { details_[key] = std::move(value); return *this; }
    // A detail that is more than a text: e.g. the list of a refused file's bad rows.
    api_error& with_json_detail(const std::string& key, nlohmann::json value) {
        details_[key] = std::move(value);
        return *this;
    }
    const nlohmann::json& details() const noexcept { return details_; }  // an object, empty when none

    // When a client may try again (sent as Retry-After); 0: not said.
    api_error& with_retry_after(int seconds) { retry_after_seconds_ = seconds; return *this; }
    int retry_after_seconds() const noexcept { return retry_after_seconds_; }

private:
    int status_;
    std::string code_;
    std::string message_zh_;
    std::string message_en_;
    std::string field_;
    nlohmann::json details_ = nlohmann::json::object();
    int retry_after_seconds_ = 0;
};

}  // namespace fupin::common
