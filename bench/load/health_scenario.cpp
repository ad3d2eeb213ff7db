// GET /api/v1/health: the smallest request the server answers through its whole path (TLS, parsing, the
// database worker queue, the router), so the gap to the baseline is the server's fixed cost per request.
#include "bench/load/scenarios.hpp"

namespace fupin::bench {
namespace {

class health_scenario : public scenario {
public:
    std::string name() const override { return "health"; }
    void run_once(load_worker& worker) override {
        worker.send(client::http_method::get, "/api/v1/health", std::nullopt, 200);
    }
};

}  // namespace

std::unique_ptr<scenario> make_health_scenario() { return std::make_unique<health_scenario>(); }

}  // namespace fupin::bench
