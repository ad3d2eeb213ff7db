// fupin-feed: the change feed under N subscribers (docs/protocol.md "The change feed"). Logs in the county
// office's bench account (bench_<county>, county certificate) and opens N subscriptions with its session, one
// client::event_stream each on its own thread; once all have their hello, township offices create households:
// first sequentially at a steady rate, then as fast as the server answers (the burst). Every event's arrival at
// every subscriber is matched to its write (by the record household/<id>) and timed from the write's 201 (the
// commit happened before it). Prints, beside the writes' own HTTPS round trip in the same run:
//   commit → subscriber, over all (write, subscriber) pairs: p50, p99, p999, max;
//   commit → the last of the N subscribers, per write;
//   the burst: events per second delivered to every subscriber (first write sent → last subscriber's last event).
// The server must allow N subscriptions per user (county-server --feed-subscriptions-per-user; scripts/bench
// sets it). Exits 1 when any subscriber misses or repeats an event or any request fails, 2 on bad flags.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>

#include "bench/common/area_catalog.hpp"
#include "bench/common/bench_failure.hpp"
#include "bench/common/latency_samples.hpp"
#include "bench/feed/feed_subscribers.hpp"
#include "bench/feed/feed_writer.hpp"

namespace fb = fupin::bench;

namespace {

std::string line(const char* what, fb::latency_summary s) {
    return fmt::format("{:<47} {:>7.2f} {:>7.2f} {:>7.2f} {:>8.2f} {:>9}\n", what, s.p50_ms, s.p99_ms, s.p999_ms,
                       s.max_ms, s.count);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"fupin-feed: change-feed latency and burst rate with N subscribers, beside the writes' round trip"};
    std::string target, certs = "build/certs", area_file = "data/demo/areas.json", label = "county-server", summary;
    int subscribers = 200, writes = 2000, burst_writes = -1, burst_connections = 4;
    double rate = 100;
    long long id_start = 0;
    app.add_option("--target", target, "county-server HOST:PORT")->required();
    app.add_option("--certs", certs, "certificates from certs/make-certs")->capture_default_str();
    app.add_option("--areas", area_file, "the area file the server holds")->capture_default_str();
    app.add_option("--subscribers", subscribers, "feed subscriptions, one thread each")->capture_default_str()
        ->check(CLI::Range(1, 5000));
    app.add_option("--writes", writes, "household creates in all (steady + burst)")->capture_default_str()
        ->check(CLI::Range(2, 1000000));
    app.add_option("--burst-writes", burst_writes, "of which in the burst (default: half)");
    app.add_option("--rate", rate, "steady writes per second (one connection, sequential)")->capture_default_str()
        ->check(CLI::Range(0.1, 100000.0));
    app.add_option("--burst-connections", burst_connections, "township connections writing at once in the burst")
        ->capture_default_str()->check(CLI::Range(1, 64));
    app.add_option("--id-start", id_start, "first person of the ID-number sequence (keep runs on one database apart)");
    app.add_option("--label", label, "names this server in the printout (e.g. sqlite, mariadb)")->capture_default_str();
    app.add_option("--summary", summary, "append tab-separated figures to this file");
    CLI11_PARSE(app, argc, argv);
    if (burst_writes < 0) burst_writes = writes / 2;
    if (burst_writes > writes) burst_writes = writes;
    const int steady_writes = writes - burst_writes;

    try {
        const auto epoch = std::chrono::steady_clock::now();
        const fb::area_catalog areas(area_file);
        fb::household_factory factory(areas.county(), id_start);
        const auto endpoint = fb::parse_endpoint(target);
        fb::feed_writer writer(endpoint, certs, areas, factory, burst_connections, epoch);

        fupin::client::api_client county(fb::options_for(endpoint, certs, areas.county()));
        fb::log_in_as_office(county, areas.county());
        const auto connect_start = std::chrono::steady_clock::now();
        fb::feed_subscribers subs(fb::options_for(endpoint, certs, areas.county()), county.token(), subscribers,
                                  static_cast<std::size_t>(writes), epoch);
        const auto head = subs.wait_for_hello(std::chrono::seconds(60));
        const double connect_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - connect_start).count();
        std::cout << fmt::format("\n== change feed ({}): {} subscribers (bench_{}), {} steady creates at {}/s, {} in a "
                                 "burst on {} connections ==\n",
                                 label, subscribers, areas.county(), steady_writes, rate, burst_writes,
                                 burst_connections)
                  << fmt::format("all {} subscribers had their hello after {:.2f} s; head {}\n", subscribers,
                                 connect_s, head)
                  << std::flush;

        auto steady = writer.steady(steady_writes, rate);
        const bool steady_arrived = subs.wait_for(static_cast<std::size_t>(steady_writes), std::chrono::seconds(30));
        auto burst = burst_writes > 0 ? writer.burst(burst_writes) : std::vector<fb::feed_write>{};
        const bool all_arrived = steady_arrived && subs.wait_for(static_cast<std::size_t>(writes), std::chrono::seconds(60));
        subs.stop();

        // Seq of each write: subscriber 0's record at that place.
        std::map<std::int64_t, std::size_t> place_of;
        std::vector<std::string> problems;
        for (std::size_t i = 0; i < static_cast<std::size_t>(writes); ++i) {
            const auto& r = subs.record(i);
            if (r.rfind("household/", 0) != 0) continue;
            if (!place_of.emplace(std::stoll(r.substr(10)), i).second) problems.push_back("two events for " + r);
        }
        // The commit lies between the write's send and its 201: from the 201 is the figure; from the send bounds
        // it from above.
        auto measure = [&](const std::vector<fb::feed_write>& ws, fb::latency_samples& pairs, fb::latency_samples& last,
                           fb::latency_samples& round_trip, fb::latency_samples& from_sent, std::int64_t& latest_arrival,
                           long& early) {
            for (const auto& w : ws) {
                round_trip.add(w.done_ns - w.started_ns);
                const auto it = place_of.find(w.household_id);
                if (it == place_of.end()) {
                    problems.push_back("no event for household/" + std::to_string(w.household_id) + " at subscriber 0");
                    continue;
                }
                std::int64_t slowest = std::numeric_limits<std::int64_t>::min();
                for (int s = 0; s < subs.count(); ++s) {
                    const auto a = subs.arrival(s, it->second);
                    if (a == 0) continue;  // counted as missing below
                    pairs.add(a - w.done_ns);
                    from_sent.add(a - w.started_ns);
                    if (a < w.done_ns) ++early;
                    slowest = std::max(slowest, a - w.done_ns);
                    latest_arrival = std::max(latest_arrival, a);
                }
                if (slowest != std::numeric_limits<std::int64_t>::min()) last.add(slowest);
            }
        };
        fb::latency_samples steady_pairs, steady_last, steady_rtt, steady_sent, burst_pairs, burst_last, burst_rtt,
            burst_sent;
        std::int64_t steady_latest = 0, burst_latest = 0;
        long early = 0;
        measure(steady, steady_pairs, steady_last, steady_rtt, steady_sent, steady_latest, early);
        measure(burst, burst_pairs, burst_last, burst_rtt, burst_sent, burst_latest, early);

        std::size_t missing = 0;
        for (int s = 0; s < subs.count(); ++s)
            missing += static_cast<std::size_t>(writes) - std::min(subs.received(s), static_cast<std::size_t>(writes));
        const auto faults = subs.faults();

        auto sp = steady_pairs.summarize(), sl = steady_last.summarize(), sr = steady_rtt.summarize();
        auto bp = burst_pairs.summarize(), bl = burst_last.summarize(), br = burst_rtt.summarize();
        std::cout << fmt::format("{:<47} {:>7} {:>7} {:>7} {:>8} {:>9}\n", "(ms)", "p50", "p99", "p999", "max", "samples")
                  << line("steady: write round trip (baseline)", sr)
                  << line("steady: commit -> subscriber (all pairs)", sp)
                  << line("steady: commit -> last of N subscribers", sl)
                  << line("steady: write sent -> subscriber (upper bound)", steady_sent.summarize());
        if (sr.p50_ms > 0)
            std::cout << fmt::format("steady: feed ÷ write round trip: p50 {:.2f}, p99 {:.2f}\n", sp.p50_ms / sr.p50_ms,
                                     sp.p99_ms / sr.p99_ms);
        double burst_write_s = 0, burst_delivered_s = 0, delivered_per_s = 0;
        if (!burst.empty()) {
            std::int64_t first = burst.front().started_ns, last_done = 0;
            for (const auto& w : burst) {
                first = std::min(first, w.started_ns);
                last_done = std::max(last_done, w.done_ns);
            }
            burst_write_s = static_cast<double>(last_done - first) / 1e9;
            burst_delivered_s = static_cast<double>(burst_latest - first) / 1e9;
            delivered_per_s = burst_delivered_s > 0 ? static_cast<double>(burst.size()) / burst_delivered_s : 0;
            std::cout << line("burst: write round trip", br) << line("burst: commit -> subscriber (all pairs)", bp)
                      << line("burst: commit -> last of N subscribers", bl)
                      << line("burst: write sent -> subscriber (upper bound)", burst_sent.summarize())
                      << fmt::format("burst: {} creates written in {:.2f} s ({:.0f}/s); all delivered to every "
                                     "subscriber {:.2f} s after the first was sent: {:.0f} events/s to each, {:.0f} "
                                     "messages/s in all\n",
                                     burst.size(), burst_write_s, static_cast<double>(burst.size()) / burst_write_s,
                                     burst_delivered_s, delivered_per_s, delivered_per_s * subscribers);
        }
        std::cout << fmt::format("events that reached a subscriber before their write's 201: {} of {} pairs; "
                                 "reconnections: {}\n",
                                 early, sp.count + bp.count, subs.interruptions());

        for (const auto& f : subs.failures()) problems.push_back("a subscriber ended: " + f);
        if (!all_arrived) problems.push_back("not every subscriber received every event in time");
        if (faults) problems.push_back(std::to_string(faults) + " events out of order, repeated or unexpected");
        if (missing) problems.push_back(std::to_string(missing) + " (event, subscriber) pairs missing");
        if (!summary.empty()) {
            std::ofstream out(summary, std::ios::app);
            out << fmt::format("feed\t{}\t{}\t{:.2f}\t{:.2f}\t{:.2f}\t{:.2f}\t{:.2f}\t{:.2f}\t{:.0f}\t{}\n", label,
                               subscribers, sp.p50_ms, sp.p99_ms, sp.p999_ms, sp.max_ms, sr.p50_ms, sr.p99_ms,
                               delivered_per_s, problems.empty() ? "ok" : "FAILED");
        }
        if (!problems.empty()) {
            std::cout.flush();
            for (std::size_t i = 0; i < problems.size() && i < 10; ++i) std::cerr << "fupin-feed: " << problems[i] << "\n";
            std::cerr << "fupin-feed FAILED: the feed lost, repeated or reordered events\n";
            return 1;
        }
        std::cout << fmt::format("every subscriber received seqs {}..{} once each, in order\n", head + 1, head + writes);
        return 0;
    } catch (const std::exception& e) {
        std::cout.flush();
        std::cerr << "fupin-feed FAILED: " << e.what() << "\n";
        return 1;
    }
}
