// bench-sql-baseline: household creates, reads and village lists per second straight through the SQL layer.
#include <cstdio>
#include <exception>
#include <sstream>

#include "bench/common/cpu_meter.hpp"
#include "bench/growth/bulk_loader.hpp"
#include "bench/growth/command_line.hpp"
#include "bench/growth/demo_county.hpp"
#include "bench/growth/latency_recorder.hpp"
#include "bench/sql_baseline/sql_baseline.hpp"
#include "server/sql/database_url.hpp"

int main(int argc, char** argv) {
    using namespace fupin::bench;
    try {
        const command_line args(argc, argv, {"db", "seconds", "threads", "households", "seed", "areas", "ops", "cpu-of"});
        if (!args.has("db")) {
            std::fprintf(stderr,
                         "usage: bench-sql-baseline --db URL [--seconds 3] [--threads 1,4] [--households 10000]\n"
                         "                          [--ops read,list,create,service_create] [--seed 1] [--areas FILE]\n"
                         "                          [--cpu-of NAME=PID[,NAME=PID…]]\n");
            return 2;
        }
        const std::string url = args.text("db");
        const auto areas = read_area_file(args.text("areas", default_area_file()));
        const auto seed = static_cast<std::uint64_t>(args.number("seed", 1));
        const fupin::test_data::household_generator generator(groups_of(areas), seed);
        std::int64_t households = 0;
        std::string backend;
        {
            // Reads and lists need an archive: grow it to --households first (a no-op when it holds more).
            auto conn = fupin::server::sql::connect(url);
            backend = conn->backend_name();
            prepare_archive(*conn, areas);
            bulk_loader loader(*conn, generator);
            households = loader.grow_to(args.number("households", 10'000)).to;
        }
        const std::string prefix = "sqlbase_" + backend;
        print_figure(prefix + "_households", static_cast<double>(households), "count");
        std::vector<std::pair<std::string, int>> cpu_of;
        std::istringstream named(args.text("cpu-of"));
        for (std::string one; std::getline(named, one, ',');)
            if (!one.empty()) cpu_of.push_back(cpu_meter::parse(one));
        sql_baseline bench(url, generator, households, seed, std::move(cpu_of));
        const double seconds = static_cast<double>(args.number("seconds", 3));
        const std::string ops = "," + args.text("ops", "read,list,create,service_create") + ",";
        for (const std::int64_t threads : args.numbers("threads", {1, 4})) {
            const int n = static_cast<int>(threads);
            if (ops.find(",read,") != std::string::npos) bench.run_reads(n, seconds, prefix);
            if (ops.find(",list,") != std::string::npos) bench.run_lists(n, seconds, prefix);
            if (ops.find(",create,") != std::string::npos) bench.run_creates(n, seconds, prefix);
            if (ops.find(",service_create,") != std::string::npos) bench.run_service_creates(n, seconds, prefix);
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench-sql-baseline: %s\n", e.what());
        return 1;
    }
}
