// common::parse_bounded_json (and try_parse_bounded_json) on arbitrary bytes: the one door from network text to a
// JSON value.
// Promises checked: it refuses only with api_error 400 invalid_json / json_too_complex; what it refuses as invalid
// nlohmann refuses too; what it accepts is what nlohmann parses, within the limits (depth 64, 100,000 values),
// dumps without overflowing the stack and reads back to the same value. The same holds under smaller limits.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/bounded_json.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

using nlohmann::json;
using fupin::common::api_error;
using fupin::common::parse_bounded_json;

struct shape {
    std::size_t depth = 0;   // containers around the deepest value, counting itself (a scalar alone: 0)
    std::size_t values = 0;  // scalars, objects and arrays
};

// Iterative, so that measuring cannot overflow even if the limits were broken.
shape measure(const json& root) {
    shape s;
    std::vector<std::pair<const json*, std::size_t>> todo{{&root, 0}};
    while (!todo.empty()) {
        auto [j, level] = todo.back();
        todo.pop_back();
        ++s.values;
        if (j->is_structured()) {
            const auto inside = level + 1;
            if (inside > s.depth) s.depth = inside;
            for (const auto& child : *j) todo.emplace_back(&child, inside);
        }
    }
    return s;
}

// The same counting under small limits, so that short inputs reach them (the default 100,000 values need
// 200 kB of text): whatever fits them is within them, and is accepted under the default limits too.
void small_limits(std::string_view text) {
    for (const fupin::common::json_limits limits : {fupin::common::json_limits{1, 1}, fupin::common::json_limits{3, 10},
                                                    fupin::common::json_limits{8, 64}}) {
        json value;
        try {
            value = parse_bounded_json(text, limits);
        } catch (const api_error& e) {
            FUZZ_CHECK(e.code() == "invalid_json" || e.code() == "json_too_complex");
            continue;
        } catch (const std::exception& e) {
            fupin::fuzz::unexpected_exception("parse_bounded_json (small limits)", e);
        }
        const auto s = measure(value);
        FUZZ_CHECK(s.depth <= limits.max_depth);
        FUZZ_CHECK(s.values <= limits.max_values);
        try {
            FUZZ_CHECK(parse_bounded_json(text) == value);
        } catch (const api_error& e) {
            fupin::fuzz::fuzz_bug("accepted under small limits, refused under the defaults", e.what());
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fupin::fuzz::as_text(data, size);
    small_limits(text);
    // try_parse_bounded_json (the client's reader) says the same: nullopt exactly where parse_bounded_json throws.
    std::optional<json> tried;
    try {
        tried = fupin::common::try_parse_bounded_json(text);
    } catch (const std::exception& e) {
        fupin::fuzz::unexpected_exception("try_parse_bounded_json", e);
    }
    json value;
    try {
        value = parse_bounded_json(text);
        FUZZ_CHECK(tried && *tried == value);
    } catch (const api_error& e) {
        FUZZ_CHECK(!tried);
        FUZZ_CHECK(e.status() == 400);
        FUZZ_CHECK(e.code() == "invalid_json" || e.code() == "json_too_complex");
        if (e.code() == "invalid_json") {
            // A refusal as not JSON must be nlohmann's own verdict (it only parses: no dump, no comparison).
            const auto plain = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
            FUZZ_CHECK(plain.is_discarded());
        }
        return 0;
    } catch (const std::exception& e) {
        fupin::fuzz::unexpected_exception("parse_bounded_json", e);
    }

    const fupin::common::json_limits limits;
    const auto s = measure(value);
    FUZZ_CHECK(s.depth <= limits.max_depth);
    FUZZ_CHECK(s.values <= limits.max_values);

    try {
        // Accepted: exactly what nlohmann reads (safe to compare now that the depth is bounded).
        const auto plain = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
        FUZZ_CHECK(!plain.is_discarded());
        FUZZ_CHECK(plain == value);

        // What a handler does next: dump it (compact, pretty, ASCII-only) and read it back.
        const auto compact = value.dump();
        const auto pretty = value.dump(2);
        const auto ascii = value.dump(-1, ' ', /*ensure_ascii=*/true);
        FUZZ_CHECK(parse_bounded_json(compact) == value);
        FUZZ_CHECK(parse_bounded_json(pretty) == value);
        FUZZ_CHECK(parse_bounded_json(ascii) == value);
    } catch (const api_error& e) {
        fupin::fuzz::fuzz_bug("the dump of an accepted value was refused", e.what());
    } catch (const std::exception& e) {
        fupin::fuzz::unexpected_exception("dump/re-read of an accepted value", e);
    }
    return 0;
}
