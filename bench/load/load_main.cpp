// fupin-load: drives a running county-server (and, with --baseline, the Beast baseline with the same
// connections) through the scenarios and prints every figure beside its baseline. Exits 1 on any failed
// request, 2 on bad flags.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <sstream>

#include "bench/common/area_catalog.hpp"
#include "bench/common/bench_failure.hpp"
#include "bench/common/cpu_meter.hpp"
#include "bench/load/load_report.hpp"
#include "bench/load/scenarios.hpp"
#include "common/china_date.hpp"

namespace fb = fupin::bench;
using fupin::client::http_method;

namespace {

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> parts;
    std::istringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) parts.push_back(part);
    return parts;
}

http_method method_of(const std::string& scenario) {
    if (scenario == "create" || scenario == "procedure") return http_method::post;
    if (scenario == "update") return http_method::put;
    return http_method::get;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"fupin-load: load generator for county-server (mutual TLS, keep-alive, one connection per thread)"};
    std::string target, baseline, certs = "build/certs", area_file = "data/demo/areas.json", scenarios_text =
        "health,read,list,create,update,mixed,procedure", label = "county-server", summary;
    int threads = 16, seed_per_township = 250, warmup_ms = 2000, duration_ms = 8000, update_households = 4,
        poverty_line = 2300;
    std::size_t operations = 0;
    long long id_start = 0;
    app.add_option("--target", target, "county-server HOST:PORT")->required();
    app.add_option("--baseline", baseline, "Beast baseline HOST:PORT (bench/baseline); empty: no ratios");
    app.add_option("--certs", certs, "certificates from certs/make-certs")->capture_default_str();
    app.add_option("--areas", area_file, "the area file the server holds")->capture_default_str();
    app.add_option("--scenarios", scenarios_text, "comma-separated scenarios")->capture_default_str();
    app.add_option("--threads", threads, "worker threads = connections")->capture_default_str()->check(CLI::Range(1, 512));
    app.add_option("--warmup-ms", warmup_ms, "discarded warm-up per run")->capture_default_str();
    app.add_option("--duration-ms", duration_ms, "measuring window per run")->capture_default_str();
    double rate = 0;
    app.add_option("--rate-per-connection", rate,
                   "operations per second each connection starts, evenly spaced (0: as fast as answered)")
        ->capture_default_str()->check(CLI::NonNegativeNumber);
    app.add_option("--operations", operations, "operations per worker instead of a duration (0: use the duration)");
    app.add_option("--seed-per-township", seed_per_township, "households created per township before the reads")
        ->capture_default_str();
    app.add_option("--update-households", update_households, "households each update worker owns")->capture_default_str();
    app.add_option("--poverty-line", poverty_line, "yuan; set for the current year before the procedure scenario")
        ->capture_default_str();
    app.add_option("--id-start", id_start, "first person of the ID-number sequence (keep runs on one database apart)");
    app.add_option("--label", label, "names this server in the printout (e.g. sqlite, mariadb)")->capture_default_str();
    app.add_option("--summary", summary, "append tab-separated figures to this file");
    std::vector<std::string> cpu_of;
    app.add_option("--cpu-of", cpu_of,
                   "NAME=PID: read this process's CPU time around each window (repeatable; this one is added)");
    CLI11_PARSE(app, argc, argv);

    try {
        const fb::area_catalog areas(area_file);
        fb::household_factory factory(areas.county(), id_start);
        fb::load_settings settings;
        settings.endpoint = fb::parse_endpoint(target);
        settings.certs_dir = certs;
        settings.areas = areas.township_codes();
        settings.threads = threads;
        settings.warmup = std::chrono::milliseconds(warmup_ms);
        settings.duration = std::chrono::milliseconds(duration_ms);
        settings.operations_per_worker = operations;
        settings.rate_per_worker = rate;
        for (const auto& text : cpu_of) settings.cpu_of.push_back(fb::cpu_meter::parse(text));
        auto base_settings = settings;
        base_settings.rate_per_worker = 0;  // the baseline's ceiling, not its pace
        base_settings.cpu_of.clear();  // another server: the processes named are idle then
        if (!baseline.empty()) base_settings.endpoint = fb::parse_endpoint(baseline);
        base_settings.log_in = false;

        const auto wanted = split(scenarios_text);
        fb::seeded_archive seeded;
        for (const auto& name : wanted)
            if (name == "read" || name == "mixed") {
                const auto started = std::chrono::steady_clock::now();
                seeded = fb::seed_archive(settings.endpoint, certs, areas, factory, seed_per_township);
                std::cout << "seeded " << seeded.total() << " households in "
                          << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
                          << " s\n";
                break;
            }

        // The procedure's applications are for the current year (China Standard Time, as the server counts),
        // judged against the line set here by the county's bench account.
        const int year = static_cast<int>(fupin::common::today_in_china().year());
        if (std::find(wanted.begin(), wanted.end(), "procedure") != wanted.end())
            fb::set_poverty_line(settings.endpoint, certs, areas.county(), year, poverty_line);

        fb::print_report_header(std::cout, label + ", " + std::to_string(threads) + " connections");
        for (const auto& name : wanted) {
            std::unique_ptr<fb::scenario> s;
            if (name == "health") s = fb::make_health_scenario();
            else if (name == "read") s = fb::make_read_scenario(seeded);
            else if (name == "list") s = fb::make_list_scenario(areas);
            else if (name == "create") s = fb::make_create_scenario(areas, factory);
            else if (name == "update") s = fb::make_update_scenario(areas, factory, threads, update_households);
            else if (name == "mixed") s = fb::make_mixed_scenario(seeded, areas, factory, threads);
            else if (name == "procedure") s = fb::make_procedure_scenario(areas, factory, year);
            else throw fb::bench_failure("unknown scenario " + name);

            const auto result = fb::run_load(*s, settings, "county-server");
            std::optional<fb::run_result> base;
            if (!baseline.empty()) {
                auto mirror = fb::make_mirror_scenario(name, method_of(name),
                                                       static_cast<std::size_t>(result.mean_request_bytes),
                                                       static_cast<std::size_t>(result.mean_response_bytes));
                base = fb::run_load(*mirror, base_settings, "beast baseline");
            }
            fb::print_report_line(std::cout, result, base ? &*base : nullptr);
            fb::append_summary(summary, label, result, base ? &*base : nullptr);
        }
        return 0;
    } catch (const std::exception& e) {
        std::cout.flush();
        std::cerr << "fupin-load FAILED: " << e.what() << "\n";
        return 1;
    }
}
