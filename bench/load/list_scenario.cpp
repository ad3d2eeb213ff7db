// GET /api/v1/households?village=…&page_size=20: the first page of a village's households, newest first.
#include <random>

#include "bench/load/scenarios.hpp"

namespace fupin::bench {
namespace {

class list_scenario : public scenario {
public:
    explicit list_scenario(const area_catalog& areas) : areas_(areas) {}
    std::string name() const override { return "list"; }
    void run_once(load_worker& worker) override {
        const auto& villages = areas_.township(worker.area()).villages;
        std::uniform_int_distribution<std::size_t> pick(0, villages.size() - 1);
        worker.send(client::http_method::get,
                    "/api/v1/households?village=" + villages[pick(worker.random())].code + "&page_size=20",
                    std::nullopt, 200);
    }

private:
    const area_catalog& areas_;
};

}  // namespace

std::unique_ptr<scenario> make_list_scenario(const area_catalog& areas) {
    return std::make_unique<list_scenario>(areas);
}

}  // namespace fupin::bench
