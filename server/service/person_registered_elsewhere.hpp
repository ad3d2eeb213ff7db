#pragma once
// The 409 person_already_registered for a person whose file lies outside the caller's area. The answer tells
// where that person is registered, as a lookup would, so the caller is charged a lookup for it
// (person_lookup_service::charge); the handler reads the person and the township here, typed, rather than
// from the error's text.
#include <string>
#include <utility>

#include "common/api_error.hpp"

namespace fupin::server::service {

class person_registered_elsewhere : public common::api_error {
public:
    person_registered_elsewhere(common::api_error answer, std::string id_number, std::string township_code)
        : common::api_error(std::move(answer)),
          id_number_(std::move(id_number)),
          township_code_(std::move(township_code)) {}

    const std::string& id_number() const noexcept { return id_number_; }
    const std::string& township_code() const noexcept { return township_code_; }

private:
    std::string id_number_;
    std::string township_code_;
};

}  // namespace fupin::server::service
