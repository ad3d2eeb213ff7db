#pragma once
// The endpoint table of /api/v1: the one place that says which URL does what (docs/protocol.md mirrors it).
#include "server/api/router.hpp"
#include "server/server_config.hpp"

namespace fupin::server::api {

void add_routes(router& r, const server_config& config);

}  // namespace fupin::server::api
