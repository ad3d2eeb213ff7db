#pragma once
// The lock that lets one write transaction at a time into a SQLite file from this process (sqlite_connection):
// a timed mutex built from a mutex and a condition variable. std::timed_mutex would do, but libstdc++ waits on it
// with pthread_mutex_clocklock, which ThreadSanitizer (GCC 12) does not see: every unlock would then be reported
// as the unlock of an unlocked mutex, and the TSan runs would be blind to the writes this gate orders.
// Meets TimedLockable, so std::unique_lock works with it.
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace fupin::server::sql {

class sqlite_writer_gate {
public:
    void lock() {
        std::unique_lock guard(mutex_);
        free_.wait(guard, [this] { return !held_; });
        held_ = true;
    }
    bool try_lock() {
        std::lock_guard guard(mutex_);
        if (held_) return false;
        held_ = true;
        return true;
    }
    template <class Rep, class Period>
    bool try_lock_for(const std::chrono::duration<Rep, Period>& wait) {
        std::unique_lock guard(mutex_);
        if (!free_.wait_for(guard, wait, [this] { return !held_; })) return false;
        held_ = true;
        return true;
    }
    void unlock() {
        {
            std::lock_guard guard(mutex_);
            held_ = false;
        }
        free_.notify_one();
    }

private:
    std::mutex mutex_;
    std::condition_variable free_;
    bool held_ = false;
};

}  // namespace fupin::server::sql
