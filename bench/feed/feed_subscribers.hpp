#pragma once
// N subscribers of the change feed, one client::event_stream each on its own thread, all "from now on" (no
// since) with one session. Each keeps the arrival time of every event by its place after the hello's head and
// checks that seqs come consecutively, once each; subscriber 0 also keeps each event's record, so that the
// writes (which learn their household id, not their seq) can be matched to seqs.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "client/api_client.hpp"
#include "client/event_stream.hpp"

namespace fupin::bench {

using bench_clock = std::chrono::steady_clock;

class feed_subscribers {
public:
    // expected: how many events the run will make (arrival slots per subscriber).
    feed_subscribers(const client::connection_options& options, const std::string& token, int count,
                     std::size_t expected, bench_clock::time_point epoch);
    ~feed_subscribers();  // stops and joins

    // Waits until every subscriber has its hello; returns the common head. Throws bench_failure on a timeout,
    // a subscriber that ended, or heads that differ (something wrote while they connected).
    std::int64_t wait_for_hello(std::chrono::seconds timeout);
    // Waits until every subscriber has received `events` events after the head; false on the timeout or when
    // one has ended.
    bool wait_for(std::size_t events, std::chrono::seconds timeout) const;
    void stop();

    int count() const { return static_cast<int>(subs_.size()); }
    // Nanoseconds since the epoch at which subscriber s received the event at place i (seq head + 1 + i); 0: never.
    std::int64_t arrival(int s, std::size_t i) const { return subs_[static_cast<std::size_t>(s)]->arrival[i]; }
    // The record ("household/12") of the event at place i, as subscriber 0 received it ("" if it did not).
    const std::string& record(std::size_t i) const { return subs_.front()->records[i]; }
    std::size_t received(int s) const { return subs_[static_cast<std::size_t>(s)]->received.load(); }
    // Events that were not head + 1, head + 2, … in turn (gaps, repeats, out of range), over all subscribers.
    std::int64_t faults() const;
    int interruptions() const;
    // Failures of run() (client_error) and the like, one line each.
    std::vector<std::string> failures() const;

private:
    struct subscriber {
        std::unique_ptr<client::event_stream> stream;
        std::thread thread;
        std::vector<std::int64_t> arrival;
        std::vector<std::string> records;  // subscriber 0 only
        std::int64_t last_seq = -1;        // run() thread only
        std::atomic<std::size_t> received{0};
        std::atomic<std::int64_t> faults{0};
        std::atomic<int> interruptions{0};
        std::atomic<bool> ended{false};
        std::string failure;  // written before `ended`
    };
    void on_event(subscriber& s, const client::feed_event& e);

    bench_clock::time_point epoch_;
    std::atomic<std::int64_t> head_{-1};  // set by wait_for_hello before any write
    std::vector<std::unique_ptr<subscriber>> subs_;
};

}  // namespace fupin::bench
