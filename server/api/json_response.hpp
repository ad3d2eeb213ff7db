#pragma once
#include <nlohmann/json.hpp>

#include "server/api/api_response.hpp"

namespace fupin::server::api {

inline api_response json_response(int status, const nlohmann::json& body) {
    return api_response{status, body.dump(), {}, {}};
}

}  // namespace fupin::server::api
