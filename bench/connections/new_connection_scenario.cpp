#include "bench/connections/new_connection_scenario.hpp"

namespace fupin::bench {
namespace {

class new_connection_scenario : public scenario {
public:
    new_connection_scenario(std::string name, std::string target) : name_(std::move(name)), target_(std::move(target)) {}
    std::string name() const override { return name_; }
    void run_once(load_worker& worker) override {
        // api_client connects lazily inside request(), so the recorded latency includes TCP connect and the
        // whole handshake; close() makes the next operation start from nothing again.
        worker.send(client::http_method::get, target_, std::nullopt, 200, {{"Connection", "close"}});
        worker.client().close();
    }

private:
    std::string name_, target_;
};

}  // namespace

std::unique_ptr<scenario> make_new_connection_scenario(std::string name, std::string target) {
    return std::make_unique<new_connection_scenario>(std::move(name), std::move(target));
}

}  // namespace fupin::bench
