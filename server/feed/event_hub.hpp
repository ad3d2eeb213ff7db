#pragma once
// The change feed's shared half, one per server process: it follows the outbox table (events) by polling the
// database, keeps the most recent events in memory, and wakes the WebSocket subscribers when new ones arrive.
// The database is the only source of truth: each process follows the table on its own, so a change committed
// by any process on the same database reaches every subscriber of every process (docs/protocol.md, "The
// change feed"). Polls run every `poll_interval` while someone subscribes, and at once after a local write
// (nudge()), so a subscriber of the server that made a change hears of it within milliseconds. The same polls
// keep the caches true to changes made by other processes: every record an event names is told to them
// (service/change_broadcast.hpp); they run all the time while a cache follows the outbox, and when none has
// reached the outbox's end for four intervals (failing, not queued, slow, or catching up) the caches hear that
// the outbox is lost on every tick until one does.
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "server/asio_names.hpp"
#include "server/feed/feed_subscriber.hpp"
#include "server/workers/db_worker_pool.hpp"
#include "server/service/change_broadcast.hpp"

namespace fupin::server::feed {

struct feed_settings {
    std::chrono::milliseconds poll_interval{50};
    std::size_t memory_events = 10000;  // the most recent events kept for subscribers to read
    // A subscriber further behind the head than max_lag that has not moved on for stall_timeout is cut off. A
    // burst of events leaves a reading subscriber far behind for a moment; one that stands still stays there.
    std::int64_t max_lag = 10000;
    std::chrono::milliseconds stall_timeout{5000};
    int subscriptions_per_user = 4;
    // Subscribers reading the outbox itself at once (catching up from further back than memory reaches): the
    // rest wait their turn, so watchers resuming together cannot take every database worker from the clerks.
    int catch_up_reads = 2;
};

class event_hub {
public:
    // changes: where the caches hear what the events name (null: no cache).
    event_hub(asio::io_context& io, workers::db_worker_pool& pool, feed_settings settings,
              std::shared_ptr<service::change_broadcast> changes = nullptr);

    // head: the last seq in the database now (read at start-up).
    void start(std::int64_t head);
    void stop();
    // A write committed on this server: poll now rather than at the next tick.
    void nudge();

    const feed_settings& settings() const { return settings_; }
    // A place for one more subscription of the user: false when they already hold
    // settings().subscriptions_per_user (across this server). release() gives it back.
    bool reserve(const std::string& username);
    void release(const std::string& username);
    void add(const std::shared_ptr<feed_subscriber>& subscriber);
    void remove(const feed_subscriber* subscriber);
    std::int64_t head() const;

    // A place for one catch-up read of the outbox (settings().catch_up_reads at once); false: try again later.
    bool begin_catch_up();
    void end_catch_up();

    // Up to `max` events after `cursor`, from memory; nullopt when memory no longer reaches back that far (the
    // caller reads the database).
    std::optional<std::vector<std::shared_ptr<const feed_event>>> after(std::int64_t cursor, std::size_t max) const;

    // The rendering of one outbox row (also used for rows read from the database by a subscriber catching up).
    static std::shared_ptr<const feed_event> render(std::int64_t seq, std::int64_t at_ms, const std::string& kind,
                                                    const std::string& record, const std::string& township_code,
                                                    const std::string& village_code, bool is_public,
                                                    const std::string& summary, const std::string& public_summary);
    // Reads events after `cursor` from the database (on a worker's connection), rendered.
    static std::vector<std::shared_ptr<const feed_event>> read(sql::connection& db, std::int64_t cursor, int limit);

private:
    void schedule_tick();
    void poll();
    void on_polled(std::vector<std::shared_ptr<const feed_event>> events, bool ok, bool full,
                   std::chrono::steady_clock::time_point started);
    void forget_if_behind();
    // Someone needs the polls: a subscriber, or a cache that another process's change could make stale.
    bool polls_needed() const;

    asio::strand<asio::io_context::executor_type> strand_;
    asio::steady_timer timer_;
    workers::db_worker_pool& pool_;
    feed_settings settings_;
    std::shared_ptr<service::change_broadcast> changes_;

    // Touched on strand_ only.
    bool polling_ = false;
    bool poll_again_ = false;
    // When the last poll that reached the outbox's end began: every change committed before it has been seen.
    std::chrono::steady_clock::time_point caught_up_at_{};
    bool stopped_ = false;

    mutable std::mutex mutex_;  // guards what follows: read by subscribers on their own strands
    std::int64_t head_ = 0;
    std::deque<std::shared_ptr<const feed_event>> recent_;  // consecutive seqs ending at head_
    std::map<const feed_subscriber*, std::weak_ptr<feed_subscriber>> subscribers_;
    std::map<std::string, int> subscriptions_;  // per username
    int catch_ups_ = 0;
};

}  // namespace fupin::server::feed
