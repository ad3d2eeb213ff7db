// PUT /api/v1/households/{id}: a clerk correcting a household file. Each worker edits only the households it
// created in prepare() and read back with GET, and keeps the version each PUT answers, so every update names
// the current version: a 409 here is a server bug and fails the run.
#include <vector>

#include "bench/common/bench_failure.hpp"
#include "bench/load/scenarios.hpp"
#include "common/household_json.hpp"

namespace fupin::bench {
namespace {

class update_scenario : public scenario {
public:
    update_scenario(const area_catalog& areas, household_factory& factory, int threads, int per_worker)
        : areas_(areas), factory_(factory), own_(static_cast<std::size_t>(threads)), per_worker_(per_worker) {}
    std::string name() const override { return "update"; }

    void prepare(load_worker& worker) override {
        auto& own = mine(worker);
        const auto& township = areas_.township(worker.area());
        for (int i = 0; i < per_worker_; ++i) {
            const auto& village = township.villages[static_cast<std::size_t>(worker.index() + i) % township.villages.size()];
            auto created = worker.send(client::http_method::post, "/api/v1/households",
                                       household_factory::body(factory_.make(village.groups.front())),
                                       201);
            const auto id = nlohmann::json::parse(created.body).at("id").get<std::int64_t>();
            auto read = worker.send(client::http_method::get, "/api/v1/households/" + std::to_string(id), std::nullopt, 200);
            own.households.push_back(
                common::household_from_json(nlohmann::json::parse(read.body), common::json_source::response));
        }
    }

    void run_once(load_worker& worker) override {
        auto& own = mine(worker);
        auto& h = own.households[own.round % own.households.size()];
        household_factory::edit(h, own.round++);
        auto answer = worker.send(client::http_method::put, "/api/v1/households/" + std::to_string(h.id),
                                  household_factory::body(h), 200);
        h = common::household_from_json(nlohmann::json::parse(answer.body), common::json_source::response);
    }

private:
    struct worker_state {
        std::vector<common::household> households;
        std::uint64_t round = 0;
    };
    worker_state& mine(load_worker& worker) {
        if (static_cast<std::size_t>(worker.index()) >= own_.size())
            throw bench_failure("update scenario made for fewer threads than the runner uses");
        return own_[static_cast<std::size_t>(worker.index())];
    }

    const area_catalog& areas_;
    household_factory& factory_;
    std::vector<worker_state> own_;  // one per worker, touched only by that worker's thread
    int per_worker_;
};

}  // namespace

std::unique_ptr<scenario> make_update_scenario(const area_catalog& areas, household_factory& factory, int threads,
                                               int households_per_worker) {
    return std::make_unique<update_scenario>(areas, factory, threads, households_per_worker);
}

}  // namespace fupin::bench
