// bench-archive-import: N generated households (about 4 members each) imported through the server's own use
// case (archive_import_service: batches of 200 files, each sent as the API's JSON and parsed as the handler
// parses it, checked and staged; then the commit that writes every file with its cases, events and audit
// entries in one transaction), beside as many households and members written by hand as bulk INSERTs in one
// transaction of each 5,000 (bench/growth's bulk_loader). Reports member rows per second of each, the ratio, and
// the growth of this process's peak memory over the import (the server's, which keeps a batch at a time).
//   bench-archive-import --db URL [--households 100000] [--samples 1]
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/growth/bulk_loader.hpp"
#include "bench/growth/command_line.hpp"
#include "bench/growth/demo_county.hpp"
#include "bench/growth/latency_recorder.hpp"
#include "common/archive_import_json.hpp"
#include "common/bounded_json.hpp"
#include "server/service/archive_import_service.hpp"
#include "server/service/local_operator.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"

namespace {

using namespace fupin;

constexpr std::size_t batch_files = 200;

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// This process's peak resident memory (VmHWM), in KiB.
long peak_kib() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

// Household `index` as a row group of the spreadsheet: most registered in 2016, every tenth exited in 2018,
// every fifth pending, as an earlier archive holds them.
common::archive_import_file spreadsheet_file(const test_data::household_generator& generator, std::int64_t index,
                                             int& next_row) {
    common::archive_import_file f;
    f.file = generator.make(index);
    f.file.id = 0;
    f.file.version = 0;
    f.file.created_at_ms = f.file.updated_at_ms = 0;
    if (index % 5 == 0) {
        f.file.status = "pending";
    } else {
        f.file.status = index % 10 == 1 ? "exited" : "registered";
        f.file.registered_year = 2016;
        if (f.file.status == "exited") f.file.exit_year = 2018;
    }
    f.first_row = next_row;
    for (std::size_t m = 0; m < f.file.members.size(); ++m) f.rows.push_back(next_row++);
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace fupin::bench;
    try {
        const command_line args(argc, argv, {"db", "households", "samples", "label"});
        if (!args.has("db")) {
            std::fprintf(stderr, "usage: bench-archive-import --db URL [--households 100000] [--samples 1]\n");
            return 2;
        }
        const auto households = args.number("households", 100000);
        const auto samples = args.number("samples", 1);
        auto conn = server::sql::connect(args.text("db"));
        const std::string label = args.text("label", conn->backend_name());
        const auto areas = read_area_file(default_area_file());
        prepare_archive(*conn, areas);
        {
            server::sql::transaction tx(*conn, server::sql::tx_mode::write);
            conn->execute("DELETE FROM exit_standards WHERE year = 2018");
            conn->execute("INSERT INTO exit_standards (year, income_line_fen, transition_years, set_by, set_at_ms) "
                          "VALUES (2018, 320000, 2, 'bench', 0)");
            tx.commit();
        }
        const test_data::household_generator generator(groups_of(areas), 1);
        bulk_loader loader(*conn, generator);
        const server::service::archive_import_service service(now_ms, 10);
        const auto who = server::service::local_operator("529901");

        latency_recorder through_service, by_hand;
        double service_rows = 0, hand_rows = 0;
        long peak_growth_kib = 0;
        for (std::int64_t s = 0; s < samples; ++s) {
            // By hand: households next_index() .. +N, as bulk INSERTs.
            const auto start = loader.next_index();
            const auto hand = loader.grow_to(start + households);
            by_hand.add(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                std::chrono::duration<double>(hand.seconds)));
            hand_rows = static_cast<double>(hand.member_rows) / hand.seconds;

            // Through the service: the next N of the generator, whose ids then follow on.
            const auto first = start + households;
            const long peak_before = peak_kib();
            const auto t0 = std::chrono::steady_clock::now();
            const auto opened = service.open(*conn, who, "bench.xlsx");
            int next_row = 2;
            std::int64_t members = 0;
            for (std::int64_t i = first; i < first + households; i += batch_files) {
                std::vector<common::archive_import_file> batch;
                for (std::int64_t k = i; k < std::min(first + households, i + static_cast<std::int64_t>(batch_files)); ++k)
                    batch.push_back(spreadsheet_file(generator, k, next_row));
                // As the API carries it: the client's JSON, parsed and read strictly by the handler.
                nlohmann::json list = nlohmann::json::array();
                for (const auto& f : batch) list.push_back(common::to_json(f));
                const auto body = nlohmann::json{{"files", list}}.dump();
                const auto parsed = common::parse_bounded_json(body).at("files");
                std::vector<common::archive_import_file> files;
                for (std::size_t k = 0; k < parsed.size(); ++k)
                    files.push_back(common::archive_import_file_from_json(parsed[k], "files"));
                for (const auto& f : files) members += static_cast<std::int64_t>(f.file.members.size());
                const auto answer = service.add(*conn, who, opened.id, std::move(files));
                if (!answer.problems.empty())
                    throw std::runtime_error("row " + std::to_string(answer.problems.front().row) + ": " +
                                             answer.problems.front().en);
            }
            const auto t1 = std::chrono::steady_clock::now();
            const auto committed = service.commit(*conn, who, opened.id);
            const auto t2 = std::chrono::steady_clock::now();
            peak_growth_kib = std::max(peak_growth_kib, peak_kib() - peak_before);
            if (committed.households != households) throw std::runtime_error("the import wrote another count");
            through_service.add(t2 - t0);
            const double seconds = std::chrono::duration<double>(t2 - t0).count();
            service_rows = static_cast<double>(members) / seconds;
            std::fprintf(stderr,
                         "sample %lld: import %.1f s (batches %.1f s, commit %.1f s), %.0f member rows/s; "
                         "by hand %.1f s, %.0f rows/s\n",
                         static_cast<long long>(s + 1), seconds, std::chrono::duration<double>(t1 - t0).count(),
                         std::chrono::duration<double>(t2 - t1).count(), service_rows, hand.seconds, hand_rows);
        }
        const std::string prefix = "archive_import_" + label + "_" + std::to_string(households);
        through_service.print(prefix + "_import");
        by_hand.print(prefix + "_by_hand");
        print_figure(prefix + "_rows", service_rows, "per_s");
        print_figure(prefix + "_rows_by_hand", hand_rows, "per_s");
        // Three decimals: the import does far more per row than the bare INSERTs (print_figure keeps one).
        std::printf("%s_ratio %.3f x\n", prefix.c_str(), service_rows / hand_rows);
        print_figure(prefix + "_peak_memory_growth", static_cast<double>(peak_growth_kib) / 1024, "MiB");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench-archive-import: %s\n", e.what());
        return 1;
    }
}
