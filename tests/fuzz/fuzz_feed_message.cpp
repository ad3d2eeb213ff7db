// The township client's side of the change feed (client/event_stream.cpp) on one message text. The message loop
// there (read_messages) is not a function of its own; its one pure step is feed_event_from_json, so this target
// does what the loop does with a text message: common::try_parse_bounded_json (as the client does since 0219465;
// before, an unbounded json::parse let a deep "summary" overflow the stack: crashes/feed_message/), the object and
// "type" checks, an event through feed_event_from_json; and what the server sends as a refused upgrade goes
// through error_from_response (client/api_client.hpp), as event_stream does with it.
// Refusals are client_error{protocol}; anything else escaping is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "client/api_client.hpp"
#include "client/client_error.hpp"
#include "client/event_stream.hpp"
#include "common/bounded_json.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

using nlohmann::json;
using fupin::client::client_error;
using fupin::client::error_kind;
using fupin::fuzz::fuzz_bug;
using fupin::fuzz::unexpected_exception;

const json& member(const json& message, const char* name) {
    static const json null_value;
    const auto it = message.find(name);
    return it == message.end() ? null_value : *it;
}

// What read_messages does with one text message once the subscription is up (after its hello).
void one_message(const std::string& text) {
    const auto message = fupin::common::try_parse_bounded_json(text).value_or(nullptr);
    if (!message.is_object()) return;  // bad_message: a protocol error
    const json& type = member(message, "type");
    if (!type.is_string()) return;
    try {
        if (type == "event") {
            const auto e = fupin::client::feed_event_from_json(message, text);
            FUZZ_CHECK(e.seq >= 1);
            FUZZ_CHECK(!e.kind.empty());
            FUZZ_CHECK(e.summary.is_object());
            FUZZ_CHECK(e.text == text);
            (void)e.summary.dump();  // the printers show it
        }
    } catch (const client_error& e) {
        FUZZ_CHECK(e.kind() == error_kind::protocol);
    } catch (const std::exception& e) {
        unexpected_exception("feed_event_from_json", e);
    }
    // Not an object: the function must refuse, not crash (no copy of the message here: it may nest deep).
    try {
        (void)fupin::client::feed_event_from_json(json(text), text);
        fuzz_bug("feed_event_from_json accepted a string");
    } catch (const client_error& e) {
        FUZZ_CHECK(e.kind() == error_kind::protocol);
    }
}

// A refused upgrade: status, headers and body as the server sent them.
void refused_upgrade(const std::string& body, int status) {
    fupin::client::http_result refused;
    refused.status = status;
    refused.headers.emplace_back("Retry-After", body.substr(0, 8));
    refused.body = body;
    try {
        const auto e = fupin::client::error_from_response(refused);
        FUZZ_CHECK(e.kind() == error_kind::http);
        FUZZ_CHECK(e.status() == status);
        (void)e.what();
    } catch (const std::exception& e) {
        unexpected_exception("error_from_response", e);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(fupin::fuzz::as_text(data, size));
    one_message(text);
    refused_upgrade(text, 400 + static_cast<int>(size % 100));
    return 0;
}
