#pragma once
// What every fuzz target shares: the input as text, and the one way a target reports a bug. A refusal the code
// promises (api_error, nlohmann's exceptions where the brief allows them) is expected behaviour; a broken
// promise is reported with fuzz_bug(), which aborts, so libFuzzer keeps the input and prints the stack.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/bounded_json.hpp"

namespace fupin::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void fuzz_bug(std::string_view what, std::string_view detail = {}) {
    std::fprintf(stderr, "\n==fuzz== BUG: %.*s%s%.*s\n", static_cast<int>(what.size()), what.data(),
                 detail.empty() ? "" : ": ", static_cast<int>(detail.size()), detail.data());
    std::fflush(stderr);
    std::abort();
}

// An exception the code under test must not let out: its type and text, then abort.
[[noreturn]] inline void unexpected_exception(std::string_view where, const std::exception& e) {
    fuzz_bug(std::string(where) + " let an unexpected exception out",
             std::string(typeid(e).name()) + ": " + e.what());
}

// The input read as the server reads a body (common/bounded_json): nullopt when it refuses it, as promised.
inline std::optional<nlohmann::json> input_json(const std::uint8_t* data, std::size_t size) {
    try {
        return common::parse_bounded_json(as_text(data, size));
    } catch (const common::api_error&) {
        return std::nullopt;
    } catch (const std::exception& e) {
        unexpected_exception("parse_bounded_json", e);
    }
}

}  // namespace fupin::fuzz

#define FUZZ_CHECK(condition)                                                                          \
    do {                                                                                               \
        if (!(condition)) ::fupin::fuzz::fuzz_bug("check failed: " #condition, __FILE__ ":" FUZZ_LINE); \
    } while (0)
#define FUZZ_STRINGIFY(x) #x
#define FUZZ_TOSTRING(x) FUZZ_STRINGIFY(x)
#define FUZZ_LINE FUZZ_TOSTRING(__LINE__)
