#include "common/bounded_json.hpp"

#include "common/api_error.hpp"

namespace fupin::common {
namespace {

struct too_complex {};  // thrown out of the parser's callback: returning false would only drop the value

}  // namespace

nlohmann::json parse_bounded_json(std::string_view text, const json_limits& limits) {
    using nlohmann::json;
    std::size_t values = 0;
    const json::parser_callback_t check = [&](int depth, json::parse_event_t event, json&) {
        // `depth` counts the containers around the event; the start of a container is at its own depth.
        const bool opens = event == json::parse_event_t::object_start || event == json::parse_event_t::array_start;
        if (opens && static_cast<std::size_t>(depth) + 1 > limits.max_depth) throw too_complex{};
        if ((opens || event == json::parse_event_t::value) && ++values > limits.max_values) throw too_complex{};
        return true;
    };
    try {
        auto value = json::parse(text.begin(), text.end(), check, /*allow_exceptions=*/false);
        if (value.is_discarded())
            throw api_error(400, "invalid_json", "请求内容不是有效的 JSON", "the body is not valid JSON");
        return value;
    } catch (const too_complex&) {
        throw api_error(400, "json_too_complex",
                        "请求内容嵌套过深或数值过多(最多 " + std::to_string(limits.max_depth) + " 层、" +
                            std::to_string(limits.max_values) + " 个值)",
                        "the JSON nests too deep or holds too many values (at most " +
                            std::to_string(limits.max_depth) + " levels and " + std::to_string(limits.max_values) +
                            " values)");
    }
}

std::optional<nlohmann::json> try_parse_bounded_json(std::string_view text, const json_limits& limits) {
    try {
        return parse_bounded_json(text, limits);
    } catch (const api_error&) {
        return std::nullopt;
    }
}

}  // namespace fupin::common
