#pragma once
// The audit trail of refused requests (403), bounded. Every denial used to append its own entry, and appends
// take the audit head's lock one at a time: a user sending denied requests in a loop serialised every write
// of the county behind them and filled the trail. Now each user has a window of a minute: its first
// `per_minute` denials are written one by one, the next is written with "further_denials_counted", and the
// rest are only counted; once the window has ended, one entry gives their number. Nothing is lost but the
// detail of a flood, and the fact of it is on record as soon as it begins.
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "server/service/audit_trail.hpp"

namespace fupin::server::service {

class denial_recorder {
public:
    static constexpr std::int64_t window_ms = 60'000;

    explicit denial_recorder(int per_minute) : per_minute_(per_minute < 1 ? 1 : per_minute) {}

    // Records one denial (request: "METHOD /path", code: the error's code) of `who` at `now_ms`: an entry in a
    // transaction of its own on db (outside any transaction), or only a count.
    void denied(sql::connection& db, const audit_actor& who, const std::string& request, const std::string& code,
                std::int64_t now_ms);

    // Writes the count of every window that has ended with denials only counted. Cheap when there is none:
    // called on every authenticated request, so a count is written soon after its minute even when the flood
    // has stopped.
    void write_ended_windows(sql::connection& db, std::int64_t now_ms);

private:
    struct window {
        std::int64_t started_ms = 0;
        int denials = 0;
        audit_actor who;
    };
    struct ended_window {
        window counted;
        int uncounted;  // denials only counted (not written one by one)
    };

    std::vector<ended_window> take_ended(std::int64_t now_ms);  // under mutex_
    void write(sql::connection& db, const std::vector<ended_window>& ended, std::int64_t now_ms);

    const int per_minute_;
    std::mutex mutex_;
    std::map<std::string, window> windows_;          // by username: windows not yet ended
    std::atomic<std::int64_t> earliest_counted_end_{INT64_MAX};  // when a window with uncounted denials ends
};

}  // namespace fupin::server::service
