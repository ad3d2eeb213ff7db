// bench-growth: grows one archive step by step (--sizes) and measures read latencies at each size.
#include <cstdio>
#include <exception>

#include "bench/growth/bulk_loader.hpp"
#include "bench/growth/command_line.hpp"
#include "bench/growth/demo_county.hpp"
#include "bench/growth/growth_probe.hpp"
#include "bench/growth/latency_recorder.hpp"
#include "server/sql/database_url.hpp"

int main(int argc, char** argv) {
    using namespace fupin::bench;
    try {
        const command_line args(argc, argv, {"db", "sizes", "samples", "batch", "seed", "areas", "label"});
        if (!args.has("db")) {
            std::fprintf(stderr,
                         "usage: bench-growth --db URL [--sizes 10000,100000,1000000] [--samples 2000] [--batch 5000]\n"
                         "                    [--seed 1] [--areas FILE] [--label NAME]\n");
            return 2;
        }
        auto conn = fupin::server::sql::connect(args.text("db"));
        const auto areas = read_area_file(args.text("areas", default_area_file()));
        prepare_archive(*conn, areas);
        const auto seed = static_cast<std::uint64_t>(args.number("seed", 1));
        const fupin::test_data::household_generator generator(groups_of(areas), seed);
        bulk_loader loader(*conn, generator, static_cast<int>(args.number("batch", 5000)));
        growth_probe probe(*conn, generator, seed);
        const std::string label = "growth_" + args.text("label", conn->backend_name());
        const int samples = static_cast<int>(args.number("samples", 2000));
        for (const std::int64_t size : args.numbers("sizes", {10'000, 100'000, 1'000'000})) {
            const auto result = loader.grow_to(size);
            const std::string prefix = label + "_" + std::to_string(size);
            print_figure(prefix + "_load_added", static_cast<double>(result.to - result.from), "count");
            print_figure(prefix + "_load_seconds", result.seconds, "s");
            // Measure at the size asked for, even when the archive already held more (a reused database).
            probe.run(std::min(size, result.to), samples, prefix);
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench-growth: %s\n", e.what());
        return 1;
    }
}
