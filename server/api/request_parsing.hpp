#pragma once
// Checks on the parts of a request that every handler reads: the JSON body, ids in the path, query numbers,
// the Idempotency-Key. Each refusal is an api_error with a stable code.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "server/api/api_request.hpp"

namespace fupin::server::api {

// 415 unsupported_media_type unless the body is declared JSON; 400 invalid_json unless it parses to an object;
// 400 json_too_complex when it nests or counts beyond common::json_limits (common/bounded_json.hpp).
nlohmann::json parse_json_body(const api_request& request);

// 400 unknown_field naming the first key of the body that is not one of `keys` (a client bug, not a guess).
void require_known_keys(const nlohmann::json& body, std::initializer_list<std::string_view> keys);

// A positive decimal id (path segment); 404 not_found otherwise (nothing can be stored under such an id).
std::int64_t parse_id(const std::string& text);
// A year in the path (lines, quotas, plans): 2000–2100; 404 not_found otherwise.
int parse_year(const std::string& text);

// The value of a body's key; 422 missing_field naming it when absent.
const nlohmann::json& required_field(const nlohmann::json& body, const char* key);

// A query parameter's text; "" when absent.
std::string query_text(const api_request& request, const std::string& name);
// An optional integer query parameter within [min, max]; 400 invalid_parameter naming it otherwise.
int query_int(const api_request& request, const std::string& name, int fallback, int min, int max);

// The query parameter year, 2000–2100; 400 invalid_parameter when absent or out of range.
int required_query_year(const api_request& request);

// An optional query parameter that must be all digits of one of the given lengths.
std::string query_code(const api_request& request, const std::string& name, std::size_t length);

// 1–128 characters of A-Z a-z 0-9 - _; empty when absent; 400 invalid_idempotency_key otherwise.
std::string idempotency_key(const api_request& request);

// SHA-256 (hex) of the body's canonical JSON, so that a retry with reordered keys is the same request.
std::string canonical_hash(const nlohmann::json& body);

}  // namespace fupin::server::api
