#pragma once
// Full TLS handshakes: every operation opens a new connection (the server neither caches sessions nor issues
// tickets, so nothing is resumed), makes one GET and closes it.
#include <memory>
#include <string>

#include "bench/load/scenario.hpp"

namespace fupin::bench {

std::unique_ptr<scenario> make_new_connection_scenario(std::string name, std::string target);

}  // namespace fupin::bench
