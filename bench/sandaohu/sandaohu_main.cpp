// bench-sandaohu: the 三到户三到人 roll-up of a whole county (issue 16) through the server's own use case, beside
// the same aggregation written by hand as one SQL query, on one archive. See README.md.
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
#include "server/service/sandaohu_service.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"

namespace {

using namespace fupin;

// The hand-written aggregation: the county's six counts per township in one GROUP BY, as someone who knows the
// schema would write it for a report. The window and year are bound as the service binds them.
constexpr const char* by_hand =
    "SELECT SUBSTR(h.village_code, 1, 9), COUNT(*), "
    "SUM(CASE WHEN EXISTS (SELECT 1 FROM assistance_plans p WHERE p.household_id = h.id AND p.year = ?) "
    "THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN EXISTS (SELECT 1 FROM measures m WHERE m.household_id = h.id AND m.plan_year = ? "
    "AND m.status IN ('in_progress', 'completed')) THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN EXISTS (SELECT 1 FROM measures m JOIN measure_funds f ON f.measure_id = m.id "
    "WHERE m.household_id = h.id AND m.plan_year = ? AND m.status <> 'cancelled' AND f.paid_fen > 0) "
    "THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN EXISTS (SELECT 1 FROM pairings pa WHERE pa.household_id = h.id AND pa.ended_at_ms IS NULL) "
    "THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN EXISTS (SELECT 1 FROM measures m WHERE m.household_id = h.id AND m.plan_year = ? "
    "AND m.status <> 'cancelled') AND NOT EXISTS (SELECT 1 FROM measures m WHERE m.household_id = h.id "
    "AND m.plan_year = ? AND m.status <> 'cancelled' AND m.helper_id IS NULL) THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id AND v.visited_on >= ? "
    "AND v.helper_id IS NOT NULL) THEN 1 ELSE 0 END) "
    "FROM households h WHERE h.status = 'registered' GROUP BY SUBSTR(h.village_code, 1, 9)";

}  // namespace

int main(int argc, char** argv) {
    using namespace fupin::bench;
    try {
        const command_line args(argc, argv, {"db", "households", "samples", "year", "label"});
        if (!args.has("db")) {
            std::fprintf(stderr, "usage: bench-sandaohu --db URL [--households 100000] [--samples 20] [--year 2026]\n");
            return 2;
        }
        const auto households = args.number("households", 100000);
        const auto samples = args.number("samples", 20);
        const int year = static_cast<int>(args.number("year", 2026));
        auto conn = server::sql::connect(args.text("db"));
        const std::string label = args.text("label", conn->backend_name());
        const auto areas = read_area_file(default_area_file());
        prepare_archive(*conn, areas);

        // The archive: N households (bench/growth's generator), all registered, with a year of assistance.
        const test_data::household_generator generator(groups_of(areas), 1);
        bulk_loader loader(*conn, generator);
        const auto grown = loader.grow_to(households);
        std::fprintf(stderr, "households: %lld (%.1f s)\n", static_cast<long long>(grown.to), grown.seconds);
        const auto today = common::format_date(common::today_in_china());
        const auto seeded = seed_assistance(*conn, households, year, today);
        if (seeded.measures) {
            std::fprintf(stderr, "seeded %lld pairings, %lld measures, %lld funds, %lld plans, %lld visits (%.1f s)\n",
                         static_cast<long long>(seeded.pairings), static_cast<long long>(seeded.measures),
                         static_cast<long long>(seeded.funds), static_cast<long long>(seeded.plans),
                         static_cast<long long>(seeded.visits), seeded.seconds);
        }
        conn->execute_script(conn->dialect() == server::sql::dialect::sqlite ? "ANALYZE" : "ANALYZE TABLE households, "
                             "measures, measure_funds, pairings, assistance_plans, visits");

        const server::service::sandaohu_service service([] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
        }, 90);
        const auto who = server::service::local_operator("529901");
        common::sandaohu_report report;
        latency_recorder through_service, hand, township;
        for (std::int64_t i = -1; i < samples; ++i) {  // the first of each is a warm-up, not counted
            auto t0 = std::chrono::steady_clock::now();
            report = service.report(*conn, who, "529901", year, 200);
            auto t1 = std::chrono::steady_clock::now();
            std::vector<server::sql::row> rows;
            {
                server::sql::transaction tx(*conn, server::sql::tx_mode::read);
                const std::int64_t y = year;
                rows = conn->query(by_hand, {y, y, y, y, y, report.since});
                tx.commit();
            }
            auto t2 = std::chrono::steady_clock::now();
            service.report(*conn, who, "529901101", year, 200);
            auto t3 = std::chrono::steady_clock::now();
            if (i < 0) {
                // The two agree on every count, or the comparison means nothing.
                std::vector<long long> sums(7, 0);
                for (const auto& r : rows)
                    for (std::size_t c = 0; c < sums.size(); ++c) sums[c] += r.get_int64(c + 1);
                const auto& a = report.areas.front();
                const std::vector<long long> service_counts{a.households,     a.plan,           a.project, a.funds,
                                                            a.responsibility, a.project_person, a.contact};
                if (sums != service_counts) throw std::runtime_error("the hand-written query and the service disagree");
                continue;
            }
            through_service.add(t1 - t0);
            hand.add(t2 - t1);
            township.add(t3 - t2);
        }
        const auto& county = report.areas.front();
        std::fprintf(stderr, "county: %d households; plan %d, project %d, funds %d, helper %d, measure helper %d, "
                             "contact %d, all six %d; %d with gaps\n",
                     county.households, county.plan, county.project, county.funds, county.responsibility,
                     county.project_person, county.contact, county.complete, report.gaps_total);
        const std::string prefix = "sandaohu_" + label + "_" + std::to_string(households);
        through_service.print(prefix + "_county");
        hand.print(prefix + "_county_by_hand");
        township.print(prefix + "_township");
        print_figure(prefix + "_county_ratio_p50", through_service.quantile_us(0.5) / hand.quantile_us(0.5), "x");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench-sandaohu: %s\n", e.what());
        return 1;
    }
}
