// The area file (common/area_json.hpp) on arbitrary text: parse_area_file as the import reads a file, and
// areas_from_json after parse_bounded_json. Refusals are api_error only. A file that parses is a valid tree:
// format_area_file writes it out, and that text parses again to the same areas and formats to the same text.
// The code helpers of common/area.hpp get the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/area.hpp"
#include "common/area_json.hpp"
#include "common/bounded_json.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

using nlohmann::json;
using namespace fupin::common;
using fupin::fuzz::fuzz_bug;
using fupin::fuzz::unexpected_exception;

bool same(const std::vector<area>& a, const std::vector<area>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].code != b[i].code || a[i].parent_code != b[i].parent_code || a[i].level != b[i].level ||
            a[i].name != b[i].name)
            return false;
    return true;
}

void check_tree(const std::vector<area>& areas) {
    for (const auto& a : areas) {
        // What parsing promises about each area, in the terms of area.hpp's helpers.
        FUZZ_CHECK(area_level_of_code(a.code) == a.level);
        FUZZ_CHECK(parent_code_of(a.code) == a.parent_code);
        FUZZ_CHECK(area_code_length(a.level) == a.code.size());
    }
    try {
        const auto file = format_area_file(areas);
        const auto again = parse_area_file(file);
        FUZZ_CHECK(same(again, areas));
        FUZZ_CHECK(format_area_file(again) == file);
    } catch (const api_error& e) {
        fuzz_bug("a formatted area file was refused", e.what());
    } catch (const std::exception& e) {
        unexpected_exception("format_area_file / parse_area_file round trip", e);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fupin::fuzz::as_text(data, size);

    std::vector<area> from_file;
    bool file_ok = false;
    try {
        from_file = parse_area_file(text);
        file_ok = true;
    } catch (const api_error&) {
    } catch (const std::exception& e) {
        unexpected_exception("parse_area_file", e);
    }
    if (file_ok) check_tree(from_file);

    try {
        const auto areas = areas_from_json(parse_bounded_json(text));
        check_tree(areas);
        // Within the limits both doors agree.
        FUZZ_CHECK(file_ok && same(areas, from_file));
    } catch (const api_error&) {
    } catch (const std::exception& e) {
        unexpected_exception("areas_from_json", e);
    }

    // The helpers on the raw bytes (they take any text).
    const auto level = area_level_of_code(text);
    const auto parent = parent_code_of(text);
    const auto township = township_code_of(text);
    FUZZ_CHECK(parent.size() < text.size() || parent.empty());
    FUZZ_CHECK(township.size() <= 9);
    const auto length = area_code_length(text);
    FUZZ_CHECK(length == 0 || length == 6 || length == 9 || length == 12 || length == 15);
    (void)child_area_level(text);
    (void)level;
    return 0;
}
