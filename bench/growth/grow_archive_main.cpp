// bench-grow-archive: grows an archive to N generated households (see README.md).
#include <chrono>
#include <cstdio>
#include <exception>

#include "bench/growth/bulk_loader.hpp"
#include "bench/growth/command_line.hpp"
#include "bench/growth/demo_county.hpp"
#include "bench/growth/latency_recorder.hpp"
#include "server/sql/database_url.hpp"

int main(int argc, char** argv) {
    using namespace fupin::bench;
    try {
        const command_line args(argc, argv, {"db", "households", "batch", "seed", "areas"});
        if (!args.has("db") || !args.has("households")) {
            std::fprintf(stderr,
                         "usage: bench-grow-archive --db URL --households N [--batch 5000] [--seed 1] [--areas FILE]\n");
            return 2;
        }
        auto conn = fupin::server::sql::connect(args.text("db"));
        const auto areas = read_area_file(args.text("areas", default_area_file()));
        prepare_archive(*conn, areas);
        const fupin::test_data::household_generator generator(groups_of(areas), static_cast<std::uint64_t>(args.number("seed", 1)));
        bulk_loader loader(*conn, generator, static_cast<int>(args.number("batch", 5000)));
        auto last_report = std::chrono::steady_clock::now();
        const auto result = loader.grow_to(args.number("households", 0), [&](std::int64_t done) {
            if (std::chrono::steady_clock::now() - last_report > std::chrono::seconds(10)) {
                std::fprintf(stderr, "… %lld households\n", static_cast<long long>(done));
                last_report = std::chrono::steady_clock::now();
            }
        });
        const std::string prefix = "grow_" + conn->backend_name();
        print_figure(prefix + "_households", static_cast<double>(result.to), "count");
        print_figure(prefix + "_added", static_cast<double>(result.to - result.from), "count");
        print_figure(prefix + "_member_rows_added", static_cast<double>(result.member_rows), "count");
        print_figure(prefix + "_seconds", result.seconds, "s");
        if (result.to > result.from && result.seconds > 0)
            print_figure(prefix + "_households_per_s", static_cast<double>(result.to - result.from) / result.seconds,
                         "per_s");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench-grow-archive: %s\n", e.what());
        return 1;
    }
}
