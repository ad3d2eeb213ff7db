// A township office's working day in one stream: 60% reads of a household file, 20% village lists, 10% new
// households and 10% corrections (~80% reads, ~20% writes). Each operation is one of the single scenarios, so
// the mix measures their interference (database workers shared by reads and writes), not new code paths.
#include <random>

#include "bench/load/scenarios.hpp"

namespace fupin::bench {
namespace {

class mixed_scenario : public scenario {
public:
    mixed_scenario(const seeded_archive& seeded, const area_catalog& areas, household_factory& factory, int threads)
        : read_(make_read_scenario(seeded)),
          list_(make_list_scenario(areas)),
          create_(make_create_scenario(areas, factory)),
          update_(make_update_scenario(areas, factory, threads, 2)) {}
    std::string name() const override { return "mixed"; }
    void prepare(load_worker& worker) override {
        read_->prepare(worker);
        update_->prepare(worker);
    }
    void run_once(load_worker& worker) override {
        const int roll = std::uniform_int_distribution<int>(0, 99)(worker.random());
        if (roll < 60) read_->run_once(worker);
        else if (roll < 80) list_->run_once(worker);
        else if (roll < 90) create_->run_once(worker);
        else update_->run_once(worker);
    }

private:
    std::unique_ptr<scenario> read_, list_, create_, update_;
};

}  // namespace

std::unique_ptr<scenario> make_mixed_scenario(const seeded_archive& seeded, const area_catalog& areas,
                                              household_factory& factory, int threads) {
    return std::make_unique<mixed_scenario>(seeded, areas, factory, threads);
}

}  // namespace fupin::bench
