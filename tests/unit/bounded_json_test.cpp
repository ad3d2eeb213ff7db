#include <string>

#include <gtest/gtest.h>

#include "common/api_error.hpp"
#include "common/bounded_json.hpp"

using fupin::common::api_error;
using fupin::common::json_limits;
using fupin::common::parse_bounded_json;

namespace {

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string code_of(const std::string& text, const json_limits& limits = {}) {
    try {
        parse_bounded_json(text, limits);
        return "ok";
    } catch (const api_error& e) {
        EXPECT_EQ(e.status(), 400);
        return e.code();
    }
}

}  // namespace

TEST(bounded_json, a_record_parses_as_it_is) {
    const auto j = parse_bounded_json(R"({"a":[1,{"b":"户主"}],"c":null})");
    EXPECT_EQ(j["a"][1]["b"], "户主");
}

TEST(bounded_json, sixty_four_levels_parse_and_sixty_five_do_not) {
    EXPECT_EQ(code_of(nested_arrays(64)), "ok");
    EXPECT_EQ(code_of(nested_arrays(65)), "json_too_complex");
    EXPECT_EQ(code_of("{\"id\":" + nested_arrays(64) + "}"), "json_too_complex");
}

TEST(bounded_json, nesting_that_would_overflow_the_stack_is_refused_under_any_key) {
    // What took the server down: ~100,000 levels under a key a codec ignores, serialised later.
    const std::string body = "{\"id\":" + nested_arrays(100'000) + "}";
    EXPECT_EQ(code_of(body), "json_too_complex");
    // Unclosed nesting is refused as complex as soon as it passes the limit, not read to its end.
    EXPECT_EQ(code_of(std::string(500'000, '[')), "json_too_complex");
}

TEST(bounded_json, too_many_values_are_refused) {
    std::string many = "[";
    for (int i = 0; i < 1000; ++i) many += i ? ",1" : "1";
    many += "]";
    EXPECT_EQ(code_of(many, json_limits{64, 1001}), "ok");  // the array and its 1,000 numbers
    EXPECT_EQ(code_of(many, json_limits{64, 1000}), "json_too_complex");
}

TEST(bounded_json, text_that_is_not_json_is_invalid_json) {
    EXPECT_EQ(code_of("{\"a\":"), "invalid_json");
    EXPECT_EQ(code_of("{} {}"), "invalid_json");
    EXPECT_EQ(code_of(""), "invalid_json");
    EXPECT_EQ(code_of(std::string("{\"a\":\"\xff\"}")), "invalid_json");  // not UTF-8
}
