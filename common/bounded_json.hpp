#pragma once
// The one way JSON text from the network becomes a value: request bodies on the server, answers and feed messages
// on the client. nlohmann's parser itself keeps its own stack and accepts any depth, but what is done with the
// value afterwards (dump(), comparisons, copies in the codecs) recurses, and half a million nested brackets fit
// in a body: a value that deep overflows the stack and takes the whole process down. So the text is refused
// while it is parsed, before any handler sees it, when it nests deeper or holds more values than any record of
// the archive can need.
#include <cstddef>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace fupin::common {

struct json_limits {
    std::size_t max_depth = 64;         // the deepest record (a household's member list) is 3 levels deep
    std::size_t max_values = 100'000;   // scalars, objects and arrays together; a 1 MB body of households fits
};

// 400 invalid_json when the text is not JSON (or has anything after the value); 400 json_too_complex when it
// nests deeper than `limits.max_depth` or holds more than `limits.max_values` values. Parsing stops at the first
// level or value too many, so the cost of a refusal is bounded by the limits, not by the text.
nlohmann::json parse_bounded_json(std::string_view text, const json_limits& limits = {});

// The same for a reader that only needs to know whether it got a value (the client reading a server's answer):
// nullopt where parse_bounded_json throws.
std::optional<nlohmann::json> try_parse_bounded_json(std::string_view text, const json_limits& limits = {});

}  // namespace fupin::common
