// POST /api/v1/households: a new four-person household file, with an Idempotency-Key as the township client
// always sends one (so the key's row is part of the cost, as in production).
#include <random>

#include "bench/load/scenarios.hpp"

namespace fupin::bench {
namespace {

class create_scenario : public scenario {
public:
    create_scenario(const area_catalog& areas, household_factory& factory) : areas_(areas), factory_(factory) {}
    std::string name() const override { return "create"; }
    void run_once(load_worker& worker) override {
        const auto& villages = areas_.township(worker.area()).villages;
        const auto& village = villages[std::uniform_int_distribution<std::size_t>(0, villages.size() - 1)(worker.random())];
        const auto& group =
            village.groups[std::uniform_int_distribution<std::size_t>(0, village.groups.size() - 1)(worker.random())];
        auto body = household_factory::body(factory_.make(group));
        worker.send(client::http_method::post, "/api/v1/households", std::move(body), 201,
                    {{"Idempotency-Key", client::random_idempotency_key()}});
    }

private:
    const area_catalog& areas_;
    household_factory& factory_;
};

}  // namespace

std::unique_ptr<scenario> make_create_scenario(const area_catalog& areas, household_factory& factory) {
    return std::make_unique<create_scenario>(areas, factory);
}

}  // namespace fupin::bench
