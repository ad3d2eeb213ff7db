#pragma once
// The endpoint table of /api/v1: the one place that says which URL does what (docs/protocol.md mirrors it).
#include <memory>

#include "server/api/router.hpp"
#include "server/server_config.hpp"
#include "server/service/services.hpp"

namespace fupin::server::api {

// config: kept by reference (health reads the clock, authentication the denial settings).
void add_routes(router& r, const server_config& config, const service::services& use_cases);

}  // namespace fupin::server::api
