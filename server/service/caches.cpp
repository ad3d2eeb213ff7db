#include "server/service/caches.hpp"

namespace fupin::server::service {

caches caches::make(const server_config& config) {
    const auto clock = config.monotonic_clock ? config.monotonic_clock : steady_monotonic_clock();
    caches made;
    made.files = std::make_shared<household_file_cache>(config.household_cache_files, std::chrono::seconds(60), clock);
    made.sessions = std::make_shared<session_cache>(config.session_cache_ttl, 20'000, clock);
    std::vector<std::shared_ptr<record_cache>> on;
    if (made.files->enabled()) on.push_back(made.files);
    if (made.sessions->enabled()) on.push_back(made.sessions);
    made.changes = std::make_shared<change_broadcast>(std::move(on));
    return made;
}

}  // namespace fupin::server::service
