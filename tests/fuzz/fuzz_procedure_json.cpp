// Every *_from_json of common/procedure_json.hpp (what the client reads of the identification procedure) on
// the same value from parse_bounded_json. Refusals are api_error and nothing else. What one reads, to_json
// writes, and that text reads back to the same record (to_json of it is the same text).
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/bounded_json.hpp"
#include "common/procedure_json.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

using nlohmann::json;
using namespace fupin::common;
using fupin::fuzz::fuzz_bug;
using fupin::fuzz::unexpected_exception;

template <class Read>
void check(const json& j, const char* name, Read read) {
    std::string first;
    try {
        first = to_json(read(j)).dump();
    } catch (const api_error&) {
        return;
    } catch (const std::exception& e) {
        unexpected_exception(name, e);
    }
    try {
        const auto again = read(parse_bounded_json(first));
        const auto second = to_json(again).dump();
        if (second != first) fuzz_bug(std::string(name) + ": to_json of the read back record differs", first + "\n" + second);
    } catch (const api_error& e) {
        fuzz_bug(std::string(name) + ": its own to_json is refused on reading it back", e.what());
    } catch (const std::exception& e) {
        unexpected_exception(std::string(name) + " (round trip)", e);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = fupin::fuzz::input_json(data, size);
    if (!input) return 0;
    const json& j = *input;
    check(j, "application_from_json", [](const json& v) { return application_from_json(v); });
    check(j, "posting_from_json", [](const json& v) { return posting_from_json(v); });
    check(j, "objection_from_json", [](const json& v) { return objection_from_json(v); });
    check(j, "appraisal_from_json", [](const json& v) { return appraisal_from_json(v); });
    check(j, "ranking_entry_from_json", [](const json& v) { return ranking_entry_from_json(v); });
    check(j, "quota_from_json", [](const json& v) { return quota_from_json(v); });
    check(j, "poverty_line_from_json", [](const json& v) { return poverty_line_from_json(v); });
    check(j, "verdict_from_json", [](const json& v) { return verdict_from_json(v); });
    return 0;
}
