#pragma once
// The JSON answers every handler gives.
#include <string>

#include <nlohmann/json.hpp>

#include "server/api/api_response.hpp"

namespace fupin::server::api {

inline api_response json_response(int status, const nlohmann::json& body) {
    return api_response{status, body.dump(), {}, {}};
}

// {"items": [...]}: the records, each as its to_json in their own namespace (common/*_json.hpp) writes it.
template <class Records>
nlohmann::json items_json(const Records& records) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : records) out.push_back(to_json(r));
    return nlohmann::json{{"items", out}};
}

// 201 with the record made, and where it is read from now.
inline api_response created(const nlohmann::json& body, const std::string& location) {
    auto response = json_response(201, body);
    response.headers.emplace_back("Location", location);
    return response;
}

}  // namespace fupin::server::api
