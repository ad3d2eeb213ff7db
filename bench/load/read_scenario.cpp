// GET /api/v1/households/{id}: a township office opening one household file, ids spread over its township.
#include <random>

#include "bench/common/bench_failure.hpp"
#include "bench/load/scenarios.hpp"

namespace fupin::bench {
namespace {

class read_scenario : public scenario {
public:
    explicit read_scenario(const seeded_archive& seeded) : seeded_(seeded) {}
    std::string name() const override { return "read"; }
    void prepare(load_worker& worker) override {
        auto it = seeded_.ids_by_township.find(worker.area());
        if (it == seeded_.ids_by_township.end() || it->second.empty())
            throw bench_failure("no seeded household in township " + worker.area());
    }
    void run_once(load_worker& worker) override {
        const auto& ids = seeded_.ids_by_township.at(worker.area());
        std::uniform_int_distribution<std::size_t> pick(0, ids.size() - 1);
        worker.send(client::http_method::get, "/api/v1/households/" + std::to_string(ids[pick(worker.random())]),
                    std::nullopt, 200);
    }

private:
    const seeded_archive& seeded_;
};

}  // namespace

std::unique_ptr<scenario> make_read_scenario(const seeded_archive& seeded) {
    return std::make_unique<read_scenario>(seeded);
}

}  // namespace fupin::bench
