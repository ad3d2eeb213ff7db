#pragma once
// The endpoint table of /api/v1: the one place that says which URL does what (docs/protocol.md mirrors it).
#include <memory>

#include "server/api/router.hpp"
#include "server/service/household_file_cache.hpp"
#include "server/server_config.hpp"

namespace fupin::server::api {

// files: the household file cache the server's connections report changes to (null: none).
void add_routes(router& r, const server_config& config, std::shared_ptr<service::household_file_cache> files = nullptr);

}  // namespace fupin::server::api
