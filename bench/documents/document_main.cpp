// bench-documents: a township's book (乡镇簿) of N households (default 5,000) spread over 10 villages, written as
// PDF and as XLSX the way the server writes it (households fed 200 at a time, village by village, into a spooled
// file), beside the baseline of the same register lines written as CSV into a string in memory. For each:
// seconds, households per second, the file's size, and how much the process's peak resident memory grew while
// it was made (Linux's VmHWM, reset before each through /proc/self/clear_refs), also over the file's size.
// With --archive-households M it also exports M households (about 4 members each: 250,000 make a million rows)
// as the archive's table, CSV and XLSX, spooled, with the same figures.
//   bench-documents [--households N] [--archive-households M]
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <optional>

#include "common/display_text.hpp"
#include "server/api/spooled_file.hpp"
#include "server/documents/archive_csv.hpp"
#include "server/documents/archive_xlsx.hpp"
#include "server/documents/register_pdf.hpp"
#include "server/documents/register_writer.hpp"
#include "server/documents/register_xlsx.hpp"
#include "test_data/household_generator.hpp"

using namespace fupin;
using server::documents::register_writer;

namespace {

constexpr int villages = 10;
constexpr int groups_per_village = 5;
constexpr int batch = 200;
const std::string township_code = "529901101";

long peak_kib() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

// The peak resident memory starts again from what is resident now, after the heap gave back what the last run
// freed (else a run could reuse it unseen).
void reset_peak() {
    malloc_trim(0);
    std::ofstream("/proc/self/clear_refs") << "5";
}

// The same lines as the register, as CSV: the cheapest document of the same rows.
class csv_register final : public register_writer {
public:
    explicit csv_register(sink out) : out_(std::move(out)) {}
    void begin_village(const common::area& village) override { text_ += village.name + "\n"; }
    void add(const common::household& h, const std::vector<std::string>& helpers) override {
        const auto l = server::documents::register_line_of(h, ++position_, helpers, common::language::zh);
        text_ += fmt::format("{},{},{},{},{},\"{}\",{},{},{},{},{}\n", l.position, l.group, l.head_name,
                             l.head_id_number, l.size, l.members, l.poverty_type, l.main_cause,
                             common::plain_amount(l.per_capita_net_income), l.status, l.helpers);
    }
    void end_village() override {}
    void finish() override { out_(text_); }

private:
    sink out_;
    std::string text_;
    int position_ = 0;
};

struct figures {
    double seconds = 0;
    std::size_t bytes = 0;
    long peak_growth_kib = 0;
};

// spooled: into a spooled file as the server's answer, else into a string.
figures run(int households, const std::function<std::unique_ptr<register_writer>(register_writer::sink)>& make,
            const std::vector<common::area>& village_areas, const test_data::household_generator& generator,
            bool spooled) {
    std::string document;
    std::optional<server::api::spooled_file> file;
    if (spooled) file.emplace();
    std::size_t counted = 0;
    reset_peak();
    const long before = peak_kib();
    const auto started = std::chrono::steady_clock::now();
    {
        auto writer = make([&](std::string_view bytes) {
            counted += bytes.size();
            if (file) file->append(bytes);
            else document.append(bytes);
        });
        const int per_village = households / villages;
        std::int64_t index = 0;
        for (const auto& village : village_areas) {
            writer->begin_village(village);
            for (int done = 0; done < per_village;) {
                std::vector<common::household> files;  // as the service reads them: a batch at a time
                for (int i = 0; i < batch && done < per_village; ++i, ++done) {
                    auto h = generator.make(index++);
                    h.village_code = village.code;
                    h.group_name = "三组";
                    files.push_back(std::move(h));
                }
                for (const auto& h : files) writer->add(h, {"赵帮扶"});
            }
            writer->end_village();
        }
        writer->finish();
    }
    figures f;
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    f.bytes = counted;
    f.peak_growth_kib = peak_kib() - before;
    return f;
}

// An area's archive exported as one table (a row per member), spooled as the server does.
figures run_archive(int households, const std::function<std::unique_ptr<server::documents::archive_table>(
                                        server::documents::archive_table::sink)>& make,
                    const test_data::household_generator& generator, std::int64_t& rows) {
    server::api::spooled_file file;
    reset_peak();
    const long before = peak_kib();
    const auto started = std::chrono::steady_clock::now();
    auto table = make([&](std::string_view bytes) { file.append(bytes); });
    for (std::int64_t index = 0; index < households;) {
        std::vector<common::household> files;
        for (int i = 0; i < batch && index < households; ++i) files.push_back(generator.make(index++));
        for (const auto& h : files) table->add({h, {}});
    }
    table->finish();
    figures f;
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    f.bytes = file.size();
    f.peak_growth_kib = peak_kib() - before;
    rows = table->rows();
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    int households = 5000;
    int archive_households = 0;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--households") households = std::stoi(argv[i + 1]);
        if (std::string(argv[i]) == "--archive-households") archive_households = std::stoi(argv[i + 1]);
    }

    const common::area township{township_code, "529901", "township", "石门镇", false};
    std::vector<common::area> village_areas;
    std::vector<common::area> groups;
    for (int v = 1; v <= villages; ++v) {
        const auto village = fmt::format("{}{:03}", township_code, 200 + v);
        village_areas.push_back({village, township_code, "village", fmt::format("第{}村", v), v % 2 == 0});
        for (int g = 1; g <= groups_per_village; ++g)
            groups.push_back({fmt::format("{}{:03}", village, g), village, "group", fmt::format("{}组", g), false});
    }
    const test_data::household_generator generator(groups, 7);
    const std::string printed_at = "打印：bench　2026-12-07 09:30";

    const auto pdf_writer = [&](auto sink) {
        return std::make_unique<server::documents::register_pdf>(
            sink,
            server::documents::page_frame{"青峰县", server::documents::register_title(township, common::language::zh),
                                          printed_at, "第 {} 页"},
            township, common::language::zh);
    };
    // Fonts and pango's caches are loaded once per process: not part of any document.
    run(villages * 10, pdf_writer, village_areas, generator, true);

    const auto csv = run(households, [](auto sink) { return std::make_unique<csv_register>(sink); }, village_areas,
                         generator, false);
    const auto pdf_in_memory = run(households, pdf_writer, village_areas, generator, false);
    const auto pdf = run(households, pdf_writer, village_areas, generator, true);
    const auto xlsx = run(
        households,
        [&](auto sink) {
            return std::make_unique<server::documents::register_xlsx>(sink, township, common::language::zh, "青峰县",
                                                                      printed_at);
        },
        village_areas, generator, true);

    std::cout << fmt::format("township book of {} households in {} villages\n", households, villages);
    std::cout << "format\tseconds\thouseholds_per_s\tbytes\tpeak_growth_kib\tpeak_growth_over_size\ttime_over_csv\n";
    for (const auto& [name, f] : {std::pair{"csv_in_memory", csv}, std::pair{"pdf_in_memory", pdf_in_memory},
                                  std::pair{"pdf_spooled", pdf}, std::pair{"xlsx_spooled", xlsx}})
        std::cout << fmt::format("{}\t{:.2f}\t{:.0f}\t{}\t{}\t{:.2f}\t{:.1f}\n", name, f.seconds, households / f.seconds,
                                 f.bytes, f.peak_growth_kib, f.peak_growth_kib * 1024.0 / static_cast<double>(f.bytes),
                                 f.seconds / csv.seconds);
    if (archive_households > 0) {
        std::int64_t csv_rows = 0, xlsx_rows = 0;
        const auto archive_csv = run_archive(
            archive_households,
            [](auto sink) { return std::make_unique<server::documents::archive_csv>(sink, common::language::zh); },
            generator, csv_rows);
        const auto archive_xlsx = run_archive(
            archive_households,
            [&](auto sink) {
                return std::make_unique<server::documents::archive_xlsx>(sink, common::language::zh, "石门镇扶贫对象档案",
                                                                         "青峰县", printed_at);
            },
            generator, xlsx_rows);
        std::cout << fmt::format("\narchive export of {} households ({} member rows), spooled\n", archive_households,
                                 csv_rows);
        std::cout << "format\tseconds\trows_per_s\tbytes\tpeak_growth_kib\n";
        for (const auto& [name, f] : {std::pair{"csv", archive_csv}, std::pair{"xlsx", archive_xlsx}})
            std::cout << fmt::format("{}\t{:.2f}\t{:.0f}\t{}\t{}\n", name, f.seconds, csv_rows / f.seconds, f.bytes,
                                     f.peak_growth_kib);
    }
    return 0;
}
