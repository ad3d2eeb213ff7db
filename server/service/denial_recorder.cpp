#include "server/service/denial_recorder.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "server/sql/error.hpp"

namespace fupin::server::service {

void denial_recorder::denied(sql::connection& db, const audit_actor& who, const std::string& request,
                             const std::string& code, std::int64_t now_ms) {
    int denials = 0;
    std::vector<ended_window> ended;
    {
        std::lock_guard lock(mutex_);
        ended = take_ended(now_ms);
        auto& w = windows_[who.username];
        if (w.denials == 0 || now_ms - w.started_ms >= window_ms) w = window{now_ms, 0, who};
        denials = ++w.denials;
        if (denials > per_minute_ + 1)
            earliest_counted_end_ = std::min(earliest_counted_end_.load(), w.started_ms + window_ms);
    }
    write(db, ended, now_ms);
    if (denials > per_minute_ + 1) return;  // counted, written when the window has ended
    nlohmann::json changes{{"code", code}};
    if (denials == per_minute_ + 1) changes["further_denials_counted"] = true;
    audit_trail::record_in_own_transaction(db, who, "access.denied", request, "denied", std::move(changes), now_ms);
}

void denial_recorder::write_ended_windows(sql::connection& db, std::int64_t now_ms) {
    if (now_ms < earliest_counted_end_.load(std::memory_order_relaxed)) return;
    std::vector<ended_window> ended;
    {
        std::lock_guard lock(mutex_);
        ended = take_ended(now_ms);
    }
    write(db, ended, now_ms);
}

std::vector<denial_recorder::ended_window> denial_recorder::take_ended(std::int64_t now_ms) {
    std::vector<ended_window> ended;
    std::int64_t earliest = INT64_MAX;
    for (auto it = windows_.begin(); it != windows_.end();) {
        const auto& w = it->second;
        const int uncounted = std::max(0, w.denials - per_minute_ - 1);
        if (now_ms - w.started_ms >= window_ms) {
            if (uncounted > 0) ended.push_back({w, uncounted});
            it = windows_.erase(it);
            continue;
        }
        if (uncounted > 0) earliest = std::min(earliest, w.started_ms + window_ms);
        ++it;
    }
    earliest_counted_end_ = earliest;
    return ended;
}

void denial_recorder::write(sql::connection& db, const std::vector<ended_window>& ended, std::int64_t now_ms) {
    for (const auto& e : ended) {
        try {
            audit_trail::record_in_own_transaction(
                db, e.counted.who, "access.denied", "(requests of one minute)", "denied",
                {{"denials_counted", e.uncounted},
                 {"window_started_at_ms", e.counted.started_ms},
                 {"window_ms", window_ms}},
                now_ms);
        } catch (const sql::storage_full&) {
            // The request that happens to write the summary must not fail for it: the log keeps the count.
            spdlog::error("audit: {} denials of {} not written, the database is full", e.uncounted,
                          e.counted.who.username);
        }
    }
}

}  // namespace fupin::server::service
