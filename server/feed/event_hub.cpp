#include "server/feed/event_hub.hpp"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "common/household_json.hpp"
#include "server/storage/event_repository.hpp"

namespace fupin::server::feed {
namespace {

constexpr int poll_batch = 1000;

}  // namespace

event_hub::event_hub(asio::io_context& io, workers::db_worker_pool& pool, feed_settings settings,
                     std::shared_ptr<service::change_broadcast> changes)
    : strand_(asio::make_strand(io)),
      timer_(strand_),
      pool_(pool),
      settings_(settings),
      changes_(std::move(changes)) {}

void event_hub::start(std::int64_t head) {
    {
        std::lock_guard lock(mutex_);
        head_ = head;
    }
    caught_up_at_ = std::chrono::steady_clock::now();  // head was the outbox's end (the cache is empty anyway)
    asio::post(strand_, [this] { schedule_tick(); });
}

void event_hub::stop() {
    asio::post(strand_, [this] {
        stopped_ = true;
        timer_.cancel();
    });
    // No more polls: what is read while the server drains is read afresh.
    if (changes_) changes_->outbox_lost();
}

void event_hub::nudge() {
    asio::post(strand_, [this] {
        bool anyone;
        {
            std::lock_guard lock(mutex_);
            anyone = !subscribers_.empty();
        }
        if (anyone) poll();
    });
}

void event_hub::schedule_tick() {
    if (stopped_) return;
    timer_.expires_after(settings_.poll_interval);
    timer_.async_wait([this](const error_code& ec) {
        if (ec || stopped_) return;
        forget_if_behind();
        if (polls_needed()) poll();
        schedule_tick();
    });
}

void event_hub::forget_if_behind() {
    // Files kept while the outbox is not followed could miss another process's change: when the last
    // poll that reached the outbox's end began more than a few intervals ago (polls failing, not queued for a
    // busy pool, slow, or catching up), they are forgotten on every tick until one does again.
    if (std::chrono::steady_clock::now() - caught_up_at_ <= 4 * settings_.poll_interval) return;
    if (changes_ && changes_->follows_outbox()) changes_->outbox_lost();
}

bool event_hub::polls_needed() const {
    if (changes_ && changes_->follows_outbox()) return true;
    std::lock_guard lock(mutex_);
    return !subscribers_.empty();
}

void event_hub::poll() {
    if (stopped_) return;
    if (polling_) {
        poll_again_ = true;
        return;
    }
    polling_ = true;
    const auto from = head();
    // The job holds the io_context's work while it is away, so a stop waits for its answer.
    auto work = asio::prefer(strand_, asio::execution::outstanding_work.tracked);
    const auto started = std::chrono::steady_clock::now();
    const bool queued = pool_.try_submit([this, from, work, started](sql::connection* db) {
        std::vector<std::shared_ptr<const feed_event>> events;
        bool ok = false;
        if (db) {
            try {
                events = read(*db, from, poll_batch);
                ok = true;
            } catch (const std::exception& e) {
                spdlog::warn("change feed: reading the outbox failed: {}", e.what());
            }
        }
        const bool full = events.size() == static_cast<std::size_t>(poll_batch);
        asio::post(work, [this, events = std::move(events), ok, full, started]() mutable {
            on_polled(std::move(events), ok, full, started);
        });
    });
    if (!queued) polling_ = false;  // the pool is busy: the next tick tries again (forget_if_behind)
}

void event_hub::on_polled(std::vector<std::shared_ptr<const feed_event>> events, bool ok, bool full,
                          std::chrono::steady_clock::time_point started) {
    polling_ = false;
    if (changes_) {
        // Hearing a change twice is harmless; an event an overlapping poll already took was heard then.
        if (!ok) changes_->outbox_lost();
        for (const auto& e : events)
            for (const auto& record : e->changed_records) changes_->seen_in_outbox(record, e->household_version);
    }
    // Every change committed before `started` has now been seen.
    if (ok && !full) caught_up_at_ = std::max(caught_up_at_, started);
    std::vector<std::shared_ptr<feed_subscriber>> to_wake, to_cut;
    {
        std::lock_guard lock(mutex_);
        for (auto& e : events) {
            // Commit order is seq order (the outbox's head row is locked until commit), so what a poll sees
            // is always the next consecutive run; anything else was already taken by an overlapping poll.
            if (e->seq != head_ + 1) continue;
            head_ = e->seq;
            recent_.push_back(std::move(e));
        }
        while (recent_.size() > settings_.memory_events) recent_.pop_front();
        const auto now = std::chrono::steady_clock::now();
        for (auto it = subscribers_.begin(); it != subscribers_.end();) {
            auto s = it->second.lock();
            if (!s) {
                it = subscribers_.erase(it);
                continue;
            }
            if (head_ - s->cursor() > settings_.max_lag && now - s->last_progress() > settings_.stall_timeout)
                to_cut.push_back(std::move(s));
            else to_wake.push_back(std::move(s));
            ++it;
        }
    }
    for (auto& s : to_cut) s->cut_off();
    if (!events.empty())
        for (auto& s : to_wake) s->wake();
    if (ok && (full || poll_again_)) {
        poll_again_ = false;
        poll();
    }
}

bool event_hub::reserve(const std::string& username) {
    std::lock_guard lock(mutex_);
    int& mine = subscriptions_[username];
    if (mine >= settings_.subscriptions_per_user) return false;
    ++mine;
    return true;
}

void event_hub::release(const std::string& username) {
    std::lock_guard lock(mutex_);
    if (auto it = subscriptions_.find(username); it != subscriptions_.end() && --it->second <= 0)
        subscriptions_.erase(it);
}

void event_hub::add(const std::shared_ptr<feed_subscriber>& subscriber) {
    {
        std::lock_guard lock(mutex_);
        subscribers_[subscriber.get()] = subscriber;
    }
    nudge();  // the first subscriber after a quiet spell: catch up now
}

void event_hub::remove(const feed_subscriber* subscriber) {
    std::lock_guard lock(mutex_);
    subscribers_.erase(subscriber);
}

bool event_hub::begin_catch_up() {
    std::lock_guard lock(mutex_);
    if (catch_ups_ >= settings_.catch_up_reads) return false;
    ++catch_ups_;
    return true;
}

void event_hub::end_catch_up() {
    std::lock_guard lock(mutex_);
    --catch_ups_;
}

std::int64_t event_hub::head() const {
    std::lock_guard lock(mutex_);
    return head_;
}

std::optional<std::vector<std::shared_ptr<const feed_event>>> event_hub::after(std::int64_t cursor,
                                                                               std::size_t max) const {
    std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<const feed_event>> out;
    if (cursor >= head_) return out;
    const std::int64_t first = recent_.empty() ? head_ + 1 : recent_.front()->seq;
    if (cursor + 1 < first) return std::nullopt;
    for (auto i = static_cast<std::size_t>(cursor + 1 - first); i < recent_.size() && out.size() < max; ++i)
        out.push_back(recent_[i]);
    return out;
}

std::shared_ptr<const feed_event> event_hub::render(std::int64_t seq, std::int64_t at_ms, const std::string& kind,
                                                    const std::string& record, const std::string& township_code,
                                                    const std::string& village_code, bool is_public,
                                                    const std::string& summary, const std::string& public_summary) {
    auto e = std::make_shared<feed_event>();
    e->seq = seq;
    e->area_code = !village_code.empty() ? village_code : township_code;
    nlohmann::json message{{"type", "event"},
                           {"seq", seq},
                           {"kind", kind},
                           {"record", record},
                           {"township_code", township_code},
                           {"village_code", village_code},
                           {"at", common::format_utc_ms(at_ms)},
                           {"visibility", "full"},
                           {"summary", nlohmann::json::parse(summary, nullptr, false)}};
    if (message["summary"].is_discarded()) message["summary"] = nlohmann::json::object();
    e->full_message = message.dump();
    e->changed_records.push_back(common::record_key::parse(record));
    if (const auto& summary_json = message["summary"]; summary_json.contains("household_id") &&
                                                          summary_json["household_id"].is_number_integer())
        e->changed_records.push_back(common::record_key::household(summary_json["household_id"].get<std::int64_t>()));
    // Only a household's own events carry its version; a case's summary may carry the case's.
    if (const auto& summary_json = message["summary"];
        (kind == "household.created" || kind == "household.updated") && summary_json.contains("version") &&
        summary_json["version"].is_number_integer())
        e->household_version = summary_json["version"].get<std::int64_t>();
    if (is_public) {
        message["visibility"] = "public";
        message["summary"] = nlohmann::json::parse(public_summary, nullptr, false);
        if (message["summary"].is_discarded()) message["summary"] = nlohmann::json::object();
        e->public_message = message.dump();
    }
    return e;
}

std::vector<std::shared_ptr<const feed_event>> event_hub::read(sql::connection& db, std::int64_t cursor, int limit) {
    std::vector<std::shared_ptr<const feed_event>> out;
    for (const auto& e : storage::event_repository(db).after(cursor, limit))
        out.push_back(render(e.seq, e.at_ms, e.kind, e.record, e.township_code, e.village_code, e.is_public, e.summary,
                             e.public_summary));
    return out;
}

}  // namespace fupin::server::feed
