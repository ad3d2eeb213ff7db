// bench-department-match: a department's list of R rows matched against an archive of N households (issue 17,
// 数据比对), through the server's own import (the CSV read and checked, the rows stored, the flags raised, the
// events and the audit entry written, one transaction), beside the same rows stored and the same match written
// by hand as one INSERT … SELECT join. See README.md.
#include <chrono>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/growth/bulk_loader.hpp"
#include "bench/growth/command_line.hpp"
#include "bench/growth/demo_county.hpp"
#include "bench/growth/latency_recorder.hpp"
#include "common/china_date.hpp"
#include "common/department_list_file.hpp"
#include "server/service/department_check_service.hpp"
#include "server/service/local_operator.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"
#include "test_data/id_numbers.hpp"

namespace {

using namespace fupin;

// The match by hand, as someone who knows the schema would write it: every member named by the list, one row
// per hit.
constexpr const char* match_by_hand =
    "INSERT INTO household_flags (household_id, list_id, line, member_name, excluding, raised_at_ms, cleared_by, "
    "cleared_at_ms, clear_reason) "
    "SELECT m.household_id, r.list_id, r.line, m.name, 1, ?, '', 0, '' "
    "FROM department_list_rows r JOIN members m ON m.id_number = r.id_number WHERE r.list_id = ?";
constexpr const char* insert_list_by_hand =
    "INSERT INTO department_lists (kind, year, source, file_name, file_sha256, encoding, excluding, row_count, "
    "flagged_households, imported_by, imported_at_ms) VALUES ('vehicle', 2026, '公安车管', 'by hand', ?, 'utf-8', 1, "
    "?, 0, 'bench', ?)";
constexpr std::size_t rows_per_insert = 500;

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The list: `hit_every`-th member of the archive (a car in the family), the rest people of another county.
std::string make_csv(server::sql::connection& conn, std::int64_t rows, std::int64_t hit_every, std::int64_t& hits) {
    std::string csv = "身份证号,姓名,明细,日期\n";
    csv.reserve(static_cast<std::size_t>(rows) * 60);
    hits = 0;
    const auto members = conn.query("SELECT id_number FROM members ORDER BY household_id, id_number");
    for (std::size_t i = 0; i < members.size() && hits * hit_every < rows; i += static_cast<std::size_t>(hit_every)) {
        csv += members[i].get_string(0) + ",车主,小型轿车一辆,2026-03\n";
        ++hits;
    }
    for (std::int64_t i = hits; i < rows; ++i) {
        // Region 110101, outside the demo county: never a member of its archive.
        const auto birth = std::to_string(19500101 + (i / 1000) % 28 * 10000 + (i / 28000) % 12 * 100);
        char seq[8];
        std::snprintf(seq, sizeof seq, "%03lld", static_cast<long long>(i % 1000));
        csv += test_data::with_check_digit("110101" + birth + seq) + ",车主,小型轿车一辆,2026-03\n";
    }
    return csv;
}

void insert_rows_by_hand(server::sql::connection& conn, std::int64_t list_id,
                         const std::vector<common::department_list_row>& rows) {
    for (std::size_t start = 0; start < rows.size(); start += rows_per_insert) {
        const auto count = std::min(rows_per_insert, rows.size() - start);
        std::string sql = "INSERT INTO department_list_rows (list_id, line, id_number, name, detail, recorded_on) VALUES ";
        std::vector<server::sql::value> params;
        for (std::size_t i = start; i < start + count; ++i) {
            sql += i == start ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)";
            params.emplace_back(list_id);
            params.emplace_back(std::int64_t{rows[i].line});
            params.emplace_back(rows[i].id_number);
            params.emplace_back(rows[i].name);
            params.emplace_back(rows[i].detail);
            params.emplace_back(rows[i].recorded_on);
        }
        conn.execute(sql, params);
    }
}

}  // namespace

int main(int argc, char** argv) {
    using namespace fupin::bench;
    try {
        const command_line args(argc, argv, {"db", "households", "rows", "hit-every", "samples", "label"});
        if (!args.has("db")) {
            std::fprintf(stderr, "usage: bench-department-match --db URL [--households 100000] [--rows 100000] "
                                 "[--hit-every 20] [--samples 3]\n");
            return 2;
        }
        const auto households = args.number("households", 100000);
        const auto rows = args.number("rows", 100000);
        const auto hit_every = args.number("hit-every", 20);
        const auto samples = args.number("samples", 3);
        auto conn = server::sql::connect(args.text("db"));
        const std::string label = args.text("label", conn->backend_name());
        const auto areas = read_area_file(default_area_file());
        prepare_archive(*conn, areas);
        const test_data::household_generator generator(groups_of(areas), 1);
        bulk_loader loader(*conn, generator);
        const auto grown = loader.grow_to(households);
        std::fprintf(stderr, "households: %lld (%.1f s)\n", static_cast<long long>(grown.to), grown.seconds);

        std::int64_t hits = 0;
        const auto csv = make_csv(*conn, rows, hit_every, hits);
        const auto parsed = common::read_department_list(csv, common::today_in_china());
        if (!parsed.ok()) throw std::runtime_error("the generated list does not read: " + parsed.problems.at(0).en);
        std::fprintf(stderr, "list: %lld rows, %lld naming members, %.1f MB\n", static_cast<long long>(rows),
                     static_cast<long long>(hits), static_cast<double>(csv.size()) / (1024 * 1024));

        const server::service::department_check_service service(now_ms);
        const auto who = server::service::local_operator("529901");
        latency_recorder through_service, hand, hand_join;
        for (std::int64_t i = 0; i < samples; ++i) {
            auto t0 = std::chrono::steady_clock::now();
            // Each sample a year of its own: the same file is imported once per kind and year.
            const auto list = service.import_list(*conn, who, {"vehicle", static_cast<int>(2026 - i), "", "bench.csv", csv});
            auto t1 = std::chrono::steady_clock::now();
            std::int64_t matched = 0;
            std::chrono::steady_clock::duration join{};
            {
                server::sql::transaction tx(*conn, server::sql::tx_mode::write);
                conn->execute(insert_list_by_hand, {"by hand " + std::to_string(i), rows, now_ms()});
                const auto list_id = conn->last_insert_id();
                insert_rows_by_hand(*conn, list_id, parsed.rows);
                const auto j0 = std::chrono::steady_clock::now();
                matched = conn->execute(match_by_hand, {now_ms(), list_id});
                join = std::chrono::steady_clock::now() - j0;
                tx.commit();
            }
            auto t2 = std::chrono::steady_clock::now();
            // The two agree, or the comparison means nothing: one flag per hit (the generator gives each person
            // one household).
            const auto flags = conn->query("SELECT COUNT(*) FROM household_flags WHERE list_id = ?", {list.id})
                                   .at(0)
                                   .get_int64(0);
            if (flags != matched || flags != hits)
                throw std::runtime_error("the service raised " + std::to_string(flags) + " flags, the join " +
                                         std::to_string(matched) + ", the list names " + std::to_string(hits));
            through_service.add(t1 - t0);
            hand.add(t2 - t1);
            hand_join.add(join);
            std::fprintf(stderr, "sample %lld: import %.2f s, by hand %.2f s (join %.3f s); %lld households flagged\n",
                         static_cast<long long>(i + 1), std::chrono::duration<double>(t1 - t0).count(),
                         std::chrono::duration<double>(t2 - t1).count(), std::chrono::duration<double>(join).count(),
                         static_cast<long long>(list.flagged_households));
        }
        const std::string prefix = "department_match_" + label + "_" + std::to_string(rows) + "x" +
                                   std::to_string(households);
        through_service.print(prefix + "_import");
        hand.print(prefix + "_by_hand");
        hand_join.print(prefix + "_join_by_hand");
        print_figure(prefix + "_ratio_p50", through_service.quantile_us(0.5) / hand.quantile_us(0.5), "x");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench-department-match: %s\n", e.what());
        return 1;
    }
}
