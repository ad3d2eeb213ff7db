// The database workers on their own (server/workers/db_worker_pool.hpp): a fixed number of threads run the
// queued jobs, at most `workers` at once; a full queue refuses more; stop runs what is queued.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "server/workers/db_worker_pool.hpp"
#include "server/sql/connection.hpp"

namespace fupin::test {
namespace {

using namespace std::chrono_literals;
using server::workers::db_worker_pool;

db_worker_pool::options with(int workers, std::size_t queue_limit = 256) {
    db_worker_pool::options options;
    options.workers = workers;
    options.queue_limit = queue_limit;
    return options;
}

// No database: the jobs get nullptr, which these jobs ignore.
db_worker_pool::connection_factory no_database() {
    return []() -> std::unique_ptr<server::sql::connection> { return nullptr; };
}

// A gate the test opens; jobs wait on it.
class gate {
public:
    void open() {
        std::lock_guard lock(mutex_);
        open_ = true;
        opened_.notify_all();
    }
    bool wait_for(std::chrono::milliseconds limit) {
        std::unique_lock lock(mutex_);
        return opened_.wait_for(lock, limit, [this] { return open_; });
    }

private:
    std::mutex mutex_;
    std::condition_variable opened_;
    bool open_ = false;
};

// Each test declares its pool last: it is stopped (its threads joined) before what its jobs use goes away.

TEST(db_worker_pool, no_more_jobs_run_at_once_than_there_are_workers) {
    std::atomic<int> running{0}, most{0}, done{0};
    db_worker_pool pool(no_database(), with(2));
    for (int i = 0; i < 8; ++i)
        ASSERT_TRUE(pool.try_submit([&](server::sql::connection*) {
            const int now = ++running;
            for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
            }
            std::this_thread::sleep_for(10ms);
            --running;
            ++done;
        }));
    pool.stop();
    EXPECT_EQ(done.load(), 8);
    EXPECT_EQ(most.load(), 2);
}

TEST(db_worker_pool, a_full_queue_refuses_a_job_and_takes_one_again_once_there_is_room) {
    gate released;
    std::atomic<int> done{0};
    db_worker_pool pool(no_database(), with(1, 2));
    const auto waiting_job = [&](server::sql::connection*) {
        released.wait_for(5s);
        ++done;
    };
    ASSERT_TRUE(pool.try_submit(waiting_job));  // the one worker takes it ...
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (pool.queued() > 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
    ASSERT_TRUE(pool.try_submit(waiting_job));  // ... and two wait in the queue
    ASSERT_TRUE(pool.try_submit(waiting_job));
    EXPECT_FALSE(pool.try_submit(waiting_job)) << "the queue holds two";
    released.open();
    pool.stop();
    EXPECT_EQ(done.load(), 3);
}

TEST(db_worker_pool, stop_runs_what_is_queued_and_then_takes_nothing) {
    gate released;
    std::atomic<int> done{0};
    db_worker_pool pool(no_database(), with(1));
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE(pool.try_submit([&](server::sql::connection*) {
            released.wait_for(5s);
            ++done;
        }));
    std::thread opener([&] {
        std::this_thread::sleep_for(50ms);
        released.open();
    });
    pool.stop();  // returns once everything queued has run
    opener.join();
    EXPECT_EQ(done.load(), 4);
    EXPECT_FALSE(pool.try_submit([](server::sql::connection*) {})) << "a stopped pool takes no more jobs";
}

}  // namespace
}  // namespace fupin::test
