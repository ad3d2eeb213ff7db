// The identification procedure's first steps (docs/procedure.md), as a village clerk takes them: a fresh
// household file in the worker's village, then POST /api/v1/applications {household_id, year} (个人申请, the rules
// judge it), POST /api/v1/applications/{id}/steps {"action":"group_appraise"} (村小组初评) and {"action":"verify"}
// (村委会调查核实, judged again).
//
// How it counts: the harness records one latency sample per worker.send() and reports req/s over those samples,
// so this scenario reports the STEPS, not the whole case: each operation adds three samples (apply,
// group_appraise, verify), and req/s, p50, p99 and p999 are per step. The household create that precedes them is
// sent untimed (straight through the worker's client, never recorded): it is the create scenario's figure, and it
// would skew the step latencies. It still loads the server inside the window, as the file a clerk enters before
// the application does.
//
// Set-up it needs (scripts/bench makes it, load_main.cpp runs it): the poverty line of `year` set by a county_admin
// (set_poverty_line in archive_seed.cpp), and a village_clerk bench account bench_<village> for the first village
// of each township, which is the worker's village; prepare() logs the worker in as that clerk with its township's
// certificate. The factory's households (4 people, 2,300.50 yuan net in all, 575 yuan per capita, no exclusion)
// are eligible under any line above 576 yuan.
#include <random>

#include <nlohmann/json.hpp>

#include "bench/common/bench_failure.hpp"
#include "bench/load/scenarios.hpp"

namespace fupin::bench {
namespace {

class procedure_scenario : public scenario {
public:
    procedure_scenario(const area_catalog& areas, household_factory& factory, int year)
        : areas_(areas), factory_(factory), year_(year) {}
    std::string name() const override { return "procedure"; }

    void prepare(load_worker& worker) override {
        // The runner logged in as the township's reviewer, who may not take village steps.
        log_in_as_office(worker.client(), procedure_village(areas_, worker.area()));
    }

    void run_once(load_worker& worker) override {
        const auto& village = areas_.township(worker.area()).villages.front();
        const auto& group =
            village.groups[std::uniform_int_distribution<std::size_t>(0, village.groups.size() - 1)(worker.random())];

        // Untimed: the household file the case is about.
        client::http_result created;
        try {
            created = worker.client().request(client::http_method::post, "/api/v1/households",
                                              household_factory::body(factory_.make(group)),
                                              {{"Idempotency-Key", client::random_idempotency_key()}});
        } catch (const std::exception& e) {
            throw bench_failure(std::string("POST /api/v1/households (untimed): ") + e.what());
        }
        if (created.status != 201)
            throw bench_failure("POST /api/v1/households (untimed) answered " + std::to_string(created.status) + ": " +
                                created.body.substr(0, 300));
        const auto household_id = nlohmann::json::parse(created.body).at("id").get<std::int64_t>();

        // Timed: the application and two steps, one sample each.
        auto applied = worker.send(client::http_method::post, "/api/v1/applications",
                                   nlohmann::json{{"household_id", household_id}, {"year", year_}}.dump(), 201);
        const auto steps = "/api/v1/applications/" +
                           std::to_string(nlohmann::json::parse(applied.body).at("id").get<std::int64_t>()) + "/steps";
        worker.send(client::http_method::post, steps, nlohmann::json{{"action", "group_appraise"}}.dump(), 200);
        worker.send(client::http_method::post, steps, nlohmann::json{{"action", "verify"}}.dump(), 200);
    }

private:
    const area_catalog& areas_;
    household_factory& factory_;
    int year_;
};

}  // namespace

const std::string& procedure_village(const area_catalog& areas, const std::string& township) {
    const auto& villages = areas.township(township).villages;
    if (villages.empty()) throw bench_failure("township " + township + " has no village for the procedure scenario");
    return villages.front().code;
}

std::unique_ptr<scenario> make_procedure_scenario(const area_catalog& areas, household_factory& factory, int year) {
    return std::make_unique<procedure_scenario>(areas, factory, year);
}

}  // namespace fupin::bench
