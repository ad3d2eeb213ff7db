// bench-statistics: the county's figures (统计) over an archive of N households (default 1,000,000) through the
// server's own use case (statistics_service::report: the grouped scan of the households, poor villages, helper
// coverage, the year's measures and funds, rolled up), beside the same counts written by hand as one SQL query
// that groups the county's households by township, status, cause, type, income band and attributes, counting
// people from member_count. A second hand query counts the people by joining the members instead, to show what
// member_count buys. The first `--assistance` households get a year of assistance (bench/sandaohu's seed).
//   bench-statistics --db URL [--households 1000000] [--assistance 100000] [--samples 20] [--year 2026]
#include <chrono>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <vector>

#include "bench/growth/bulk_loader.hpp"
#include "bench/growth/command_line.hpp"
#include "bench/growth/demo_county.hpp"
#include "bench/growth/latency_recorder.hpp"
#include "bench/sandaohu/assistance_seed.hpp"
#include "common/china_date.hpp"
#include "server/service/local_operator.hpp"
#include "server/service/statistics_service.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"

namespace {

using namespace fupin;

constexpr const char* by_hand =
    "SELECT township_code, status, main_cause, poverty_type, "
    "CASE WHEN per_capita_net_income_fen >= 400000 THEN 4 WHEN per_capita_net_income_fen >= 300000 THEN 3 "
    "WHEN per_capita_net_income_fen >= 200000 THEN 2 WHEN per_capita_net_income_fen >= 100000 THEN 1 ELSE 0 END, "
    "military_family, only_child_family, two_daughters_family, COUNT(*), SUM(member_count) "
    "FROM households GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";

constexpr const char* people_by_join =
    "SELECT h.township_code, h.status, COUNT(*) FROM households h JOIN members m ON m.household_id = h.id "
    "GROUP BY h.township_code, h.status";

}  // namespace

int main(int argc, char** argv) {
    using namespace fupin::bench;
    try {
        const command_line args(argc, argv, {"db", "households", "assistance", "samples", "year", "label"});
        if (!args.has("db")) {
            std::fprintf(stderr, "usage: bench-statistics --db URL [--households 1000000] [--assistance 100000] "
                                 "[--samples 20] [--year 2026]\n");
            return 2;
        }
        const auto households = args.number("households", 1000000);
        const auto assisted = std::min(households, args.number("assistance", 100000));
        const auto samples = args.number("samples", 20);
        const int year = static_cast<int>(args.number("year", 2026));
        auto conn = server::sql::connect(args.text("db"));
        const std::string label = args.text("label", conn->backend_name());
        const auto areas = read_area_file(default_area_file());
        prepare_archive(*conn, areas);

        const test_data::household_generator generator(groups_of(areas), 1);
        bulk_loader loader(*conn, generator);
        const auto grown = loader.grow_to(households);
        std::fprintf(stderr, "households: %lld (%.1f s)\n", static_cast<long long>(grown.to), grown.seconds);
        const auto seeded = seed_assistance(*conn, assisted, year, common::format_date(common::today_in_china()));
        if (seeded.measures)
            std::fprintf(stderr, "seeded %lld measures of %lld households (%.1f s)\n",
                         static_cast<long long>(seeded.measures), static_cast<long long>(assisted), seeded.seconds);
        conn->execute_script(conn->dialect() == server::sql::dialect::sqlite
                                 ? "ANALYZE"
                                 : "ANALYZE TABLE households, members, measures, measure_funds, pairings");

        const server::service::statistics_service service;
        const auto who = server::service::local_operator("529901");
        common::statistics_report report;
        latency_recorder through_service, hand, join;
        for (std::int64_t i = -1; i < samples; ++i) {  // the first of each is a warm-up, not counted
            auto t0 = std::chrono::steady_clock::now();
            report = service.report(*conn, who, "529901", year);
            auto t1 = std::chrono::steady_clock::now();
            std::vector<server::sql::row> rows;
            {
                server::sql::transaction tx(*conn, server::sql::tx_mode::read);
                rows = conn->query(by_hand);
                tx.commit();
            }
            auto t2 = std::chrono::steady_clock::now();
            std::vector<server::sql::row> joined;
            if (i < 2) {  // the join is slow: three samples of it are enough
                server::sql::transaction tx(*conn, server::sql::tx_mode::read);
                joined = conn->query(people_by_join);
                tx.commit();
            }
            auto t3 = std::chrono::steady_clock::now();
            if (i < 0) {
                // The service and the hand query count the same households and people, or nothing is compared.
                long long h = 0, p = 0, jp = 0;
                for (const auto& r : rows) {
                    h += r.get_int64(8);
                    p += r.get_int64(9);
                }
                for (const auto& r : joined) jp += r.get_int64(2);
                const auto& all = report.areas.front().all;
                if (h != all.households || p != all.people || jp != all.people)
                    throw std::runtime_error("the hand-written queries and the service disagree");
                continue;
            }
            through_service.add(t1 - t0);
            hand.add(t2 - t1);
            if (i < 2) join.add(t3 - t2);
        }
        std::fprintf(stderr, "county: %lld households, %lld people; %lld registered, %lld with a helper\n",
                     static_cast<long long>(report.areas.front().all.households),
                     static_cast<long long>(report.areas.front().all.people),
                     static_cast<long long>(report.registered()), static_cast<long long>(report.registered_with_helper()));
        const std::string prefix = "statistics_" + label + "_" + std::to_string(households);
        through_service.print(prefix + "_county");
        hand.print(prefix + "_county_by_hand");
        join.print(prefix + "_people_by_joining_members");
        print_figure(prefix + "_ratio_hand_over_service_p50", hand.quantile_us(0.5) / through_service.quantile_us(0.5), "x");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench-statistics: %s\n", e.what());
        return 1;
    }
}
