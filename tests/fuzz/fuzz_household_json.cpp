// The household file codec (common/household_json.hpp) on arbitrary text, read as the server reads a request
// body: parse_bounded_json, then household_from_json as a request and as a response, derive() and the
// validation the server runs, to_json; also household_page_from_json (the client's list answers).
// Refusals are api_error (and nothing else). A household that validates must survive what the server does with
// it: its to_json is read back by the client (json_source::response) to the same file, and echoed back as a
// request (a PUT of what a GET returned) it validates again.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/bounded_json.hpp"
#include "common/household_json.hpp"
#include "common/household_validation.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

using nlohmann::json;
using namespace fupin::common;
using fupin::fuzz::fuzz_bug;
using fupin::fuzz::unexpected_exception;

constexpr std::chrono::year_month_day today{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{6}};

void round_trip(const household& valid) {
    try {
        const auto first = to_json(valid).dump();
        const auto again = household_from_json(parse_bounded_json(first), json_source::response);
        FUZZ_CHECK(to_json(again).dump() == first);

        auto echoed = household_from_json(parse_bounded_json(first), json_source::request);
        derive(echoed);
        const auto problems = find_problems(echoed, today);
        if (!problems.empty()) fuzz_bug("a valid household echoed back as a request is refused", problems.front().what());
    } catch (const api_error& e) {
        fuzz_bug("the JSON of a valid household was refused on reading it back", e.what());
    } catch (const std::exception& e) {
        unexpected_exception("the round trip of a valid household", e);
    }
}

void as_household(const json& j, json_source source) {
    household h;
    try {
        h = household_from_json(j, source);
    } catch (const api_error&) {
        return;
    } catch (const std::exception& e) {
        unexpected_exception("household_from_json", e);
    }
    try {
        derive(h);
        const auto problems = find_problems(h, today);
        try {
            validate(h, today);
            FUZZ_CHECK(problems.empty());
        } catch (const api_error& e) {
            FUZZ_CHECK(!problems.empty());
            FUZZ_CHECK(e.code() == problems.front().code());
            FUZZ_CHECK(e.field() == problems.front().field());
        }
        // Whatever was read can be written, valid or not (the client prints drafts).
        (void)to_json(h).dump();
        if (problems.empty()) round_trip(h);
    } catch (const std::exception& e) {
        unexpected_exception("derive/find_problems/to_json", e);
    }
}

void as_page(const json& j) {
    try {
        const auto page = household_page_from_json(j);
        (void)to_json(page).dump();
    } catch (const api_error&) {
    } catch (const std::exception& e) {
        unexpected_exception("household_page_from_json", e);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = fupin::fuzz::input_json(data, size);
    if (!input) return 0;
    const json& j = *input;
    as_household(j, json_source::request);
    as_household(j, json_source::response);
    as_page(j);
    return 0;
}
