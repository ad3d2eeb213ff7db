// fupin-connections: what many township connections cost county-server, each figure beside the Beast baseline
// measured in the same run.
//   idle        resident memory (VmRSS of --server-pid) before and after N idle keep-alive connections
//   handshakes  full TLS handshakes per second (a new connection per request)
//   stallers    read p99 without and with slow/stalled clients
// Exits 1 on any failed request, 2 on bad flags.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <thread>

#include "bench/common/area_catalog.hpp"
#include "bench/common/bench_failure.hpp"
#include "bench/common/process_memory.hpp"
#include "bench/connections/idle_connections.hpp"
#include "bench/connections/new_connection_scenario.hpp"
#include "bench/connections/staller_clients.hpp"
#include "bench/load/load_runner.hpp"
#include "bench/load/scenarios.hpp"

namespace fb = fupin::bench;

namespace {

struct options {
    std::string target, baseline, certs = "build/certs", area_file = "data/demo/areas.json", summary, label = "sqlite";
    int server_pid = 0, baseline_pid = 0, threads = 8, warmup_ms = 1000, duration_ms = 5000, stallers = 50;
    std::size_t connections = 1000;
};

void summarize(const options& o, const std::string& figure, const std::string& value, const std::string& base,
               const std::string& ratio) {
    std::cout << fmt::format("{:<34} {:>14} {:>14} {:>8}\n", figure, value, base, ratio) << std::flush;
    if (o.summary.empty()) return;
    std::ofstream(o.summary, std::ios::app) << o.label << "\t" << figure << "\t" << value << "\t" << base << "\t"
                                            << ratio << "\n";
}

// RSS before and after; the connections stay open while both servers are read, then close together.
void idle(const options& o, const fb::area_catalog& areas) {
    auto measure = [&](const std::string& endpoint, int pid, const std::string& target) {
        const long before = fb::resident_kib(pid);
        fb::idle_connections open(fb::parse_endpoint(endpoint), o.certs, areas.township_codes(), o.connections, target);
        std::this_thread::sleep_for(std::chrono::seconds(2));  // let the server settle; its idle timeout is 60 s
        const long after = fb::resident_kib(pid);
        open.check_all_alive(target);
        return std::pair{before, after};
    };
    const auto [before, after] = measure(o.target, o.server_pid, "/api/v1/health");
    std::cout << fmt::format("county-server VmRSS {} KiB before, {} KiB with {} idle connections\n", before, after,
                             o.connections);
    std::pair<long, long> base{0, 0};
    if (!o.baseline.empty() && o.baseline_pid) {
        base = measure(o.baseline, o.baseline_pid, "/baseline?bytes=139");
        std::cout << fmt::format("beast baseline VmRSS {} KiB before, {} KiB with {} idle connections\n", base.first,
                                 base.second, o.connections);
    }
    const double per = static_cast<double>(after - before) / static_cast<double>(o.connections);
    const double base_per = static_cast<double>(base.second - base.first) / static_cast<double>(o.connections);
    summarize(o, "idle_rss_mib", fmt::format("{:.1f}", after / 1024.0), base.second ? fmt::format("{:.1f}", base.second / 1024.0) : "-",
              base.second ? fmt::format("{:.2f}", static_cast<double>(after) / base.second) : "-");
    summarize(o, "kib_per_idle_connection", fmt::format("{:.1f}", per), base.second ? fmt::format("{:.1f}", base_per) : "-",
              base.second && base_per > 0 ? fmt::format("{:.2f}", per / base_per) : "-");
}

fb::load_settings settings_for(const options& o, const fb::area_catalog& areas, const std::string& endpoint) {
    fb::load_settings s;
    s.endpoint = fb::parse_endpoint(endpoint);
    s.certs_dir = o.certs;
    s.areas = areas.township_codes();
    s.threads = o.threads;
    s.warmup = std::chrono::milliseconds(o.warmup_ms);
    s.duration = std::chrono::milliseconds(o.duration_ms);
    s.log_in = endpoint == o.target;  // the baseline has no sessions
    return s;
}

void handshakes(const options& o, const fb::area_catalog& areas) {
    auto server = fb::make_new_connection_scenario("handshake", "/api/v1/health");
    const auto r = fb::run_load(*server, settings_for(o, areas, o.target), "county-server");
    std::string base = "-", ratio = "-";
    if (!o.baseline.empty()) {
        auto mirror = fb::make_new_connection_scenario("handshake", "/baseline?bytes=139");
        const auto b = fb::run_load(*mirror, settings_for(o, areas, o.baseline), "beast baseline");
        base = fmt::format("{:.0f}", b.requests_per_second);
        ratio = fmt::format("{:.2f}", r.requests_per_second / b.requests_per_second);
    }
    summarize(o, "handshakes_per_s", fmt::format("{:.0f}", r.requests_per_second), base, ratio);
    summarize(o, "handshake_request_p99_ms", fmt::format("{:.2f}", r.latency.p99_ms), "-", "-");
}

void stallers(const options& o, const fb::area_catalog& areas) {
    fb::household_factory factory(areas.county(), 20'000'000);  // far from fupin-load's people
    const auto endpoint = fb::parse_endpoint(o.target);
    const auto seeded = fb::seed_archive(endpoint, o.certs, areas, factory, 50);
    auto reads = fb::make_read_scenario(seeded);
    const auto settings = settings_for(o, areas, o.target);
    const auto calm = fb::run_load(*reads, settings, "county-server");
    fb::staller_clients slow(endpoint, o.certs, areas.township_codes().front(), o.stallers);
    slow.wait_until_stalling();
    const auto stormy = fb::run_load(*reads, settings, "county-server");
    const int still = slow.connected();
    slow.stop();
    std::cout << fmt::format("{} stallers, {} still connected at the end; reads {:.0f}/s calm, {:.0f}/s with them\n",
                             o.stallers, still, calm.requests_per_second, stormy.requests_per_second);
    summarize(o, "read_p99_ms_with_stallers", fmt::format("{:.2f}", stormy.latency.p99_ms),
              fmt::format("{:.2f}", calm.latency.p99_ms), fmt::format("{:.2f}", stormy.latency.p99_ms / calm.latency.p99_ms));
    summarize(o, "read_per_s_with_stallers", fmt::format("{:.0f}", stormy.requests_per_second),
              fmt::format("{:.0f}", calm.requests_per_second),
              fmt::format("{:.2f}", stormy.requests_per_second / calm.requests_per_second));
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"fupin-connections: idle-connection memory, TLS handshake rate, slow clients"};
    options o;
    app.add_option("--target", o.target, "county-server HOST:PORT")->required();
    app.add_option("--baseline", o.baseline, "Beast baseline HOST:PORT");
    app.add_option("--certs", o.certs)->capture_default_str();
    app.add_option("--areas", o.area_file)->capture_default_str();
    app.add_option("--summary", o.summary, "append tab-separated figures to this file");
    app.add_option("--label", o.label, "names this run in the summary")->capture_default_str();
    auto* idle_cmd = app.add_subcommand("idle", "VmRSS with N idle connections");
    idle_cmd->add_option("--server-pid", o.server_pid, "county-server's pid")->required();
    idle_cmd->add_option("--baseline-pid", o.baseline_pid, "the baseline's pid");
    idle_cmd->add_option("--connections", o.connections)->capture_default_str();
    auto* hs_cmd = app.add_subcommand("handshakes", "full TLS handshakes per second");
    auto* st_cmd = app.add_subcommand("stallers", "read p99 with and without slow clients");
    st_cmd->add_option("--stallers", o.stallers)->capture_default_str();
    for (auto* cmd : {hs_cmd, st_cmd}) {
        cmd->add_option("--threads", o.threads, "client threads")->capture_default_str();
        cmd->add_option("--warmup-ms", o.warmup_ms)->capture_default_str();
        cmd->add_option("--duration-ms", o.duration_ms)->capture_default_str();
    }
    app.require_subcommand(1);
    CLI11_PARSE(app, argc, argv);
    try {
        const fb::area_catalog areas(o.area_file);
        if (*idle_cmd) idle(o, areas);
        if (*hs_cmd) handshakes(o, areas);
        if (*st_cmd) stallers(o, areas);
        return 0;
    } catch (const std::exception& e) {
        std::cout.flush();
        std::cerr << "fupin-connections FAILED: " << e.what() << "\n";
        return 1;
    }
}
