#pragma once
// What a check of common/ refuses, for the unit tests: the error's code and field, or "" when nothing is thrown.
#include <string>
#include <utility>

#include "common/api_error.hpp"

namespace fupin::test {

template <typename F>
std::pair<std::string, std::string> refusal(F&& f) {
    try {
        f();
    } catch (const common::api_error& e) {
        return {e.code(), e.field()};
    }
    return {"", ""};
}

}  // namespace fupin::test
