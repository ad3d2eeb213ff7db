// The database workers on their own (server/service/db_worker_pool.hpp): at most `workers` jobs at once, except
// that a job waiting for another job's work steps aside, and another thread runs the queue meanwhile.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "server/service/db_worker_pool.hpp"
#include "server/sql/connection.hpp"

namespace fupin::test {
namespace {

using namespace std::chrono_literals;
using server::service::db_worker_pool;

db_worker_pool::options with(int workers, int max_threads) {
    db_worker_pool::options options;
    options.workers = workers;
    options.max_threads = max_threads;
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

// Submits n jobs that each step aside until `opened` opens, then count themselves `done`.
void submit_jobs_waiting_for(db_worker_pool& pool, gate& opened, int n, std::atomic<int>& done) {
    for (int i = 0; i < n; ++i)
        ASSERT_TRUE(pool.try_submit([&opened, &done](server::sql::connection*) {
            const db_worker_pool::waiting_elsewhere aside;
            opened.wait_for(5s);
            ++done;
        }));
}

// Each test declares its pool last: it is stopped (its threads joined) before what its jobs use goes away.

TEST(db_worker_pool, no_more_jobs_run_at_once_than_there_are_workers) {
    std::atomic<int> running{0}, most{0}, done{0};
    db_worker_pool pool(no_database(), with(2, 10));
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
    EXPECT_LE(most.load(), 2);
    EXPECT_EQ(pool.threads(), 2u);  // nothing waited elsewhere: no thread was added
}

TEST(db_worker_pool, a_job_waiting_elsewhere_lets_another_job_run_in_its_place) {
    gate written;
    std::promise<bool> waited;
    db_worker_pool pool(no_database(), with(1, 4));
    // The one worker's job waits for what the next job does, as a create waits for its batch.
    ASSERT_TRUE(pool.try_submit([&](server::sql::connection*) {
        const db_worker_pool::waiting_elsewhere aside;
        waited.set_value(written.wait_for(5s));
    }));
    ASSERT_TRUE(pool.try_submit([&](server::sql::connection*) { written.open(); }));
    auto result = waited.get_future();
    ASSERT_EQ(result.wait_for(10s), std::future_status::ready);
    EXPECT_TRUE(result.get()) << "the second job never ran while the first waited";
    pool.stop();
    EXPECT_EQ(pool.threads(), 2u);
}

TEST(db_worker_pool, a_job_that_does_not_step_aside_holds_its_worker) {
    gate written;
    std::promise<bool> waited;
    db_worker_pool pool(no_database(), with(1, 4));
    ASSERT_TRUE(pool.try_submit([&](server::sql::connection*) { waited.set_value(written.wait_for(200ms)); }));
    ASSERT_TRUE(pool.try_submit([&](server::sql::connection*) { written.open(); }));
    auto result = waited.get_future();
    EXPECT_FALSE(result.get()) << "a second job ran beside the only worker's";
    pool.stop();
    EXPECT_EQ(pool.threads(), 1u);
}

TEST(db_worker_pool, threads_never_pass_the_maximum_and_everything_queued_runs) {
    gate released;
    std::atomic<int> done{0};
    db_worker_pool pool(no_database(), with(1, 3));
    submit_jobs_waiting_for(pool, released, 6, done);
    // Three run (all waiting elsewhere), the rest wait for a thread.
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (pool.queued() > 3 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
    std::this_thread::sleep_for(50ms);  // room for a thread too many to appear, were one started
    EXPECT_EQ(pool.threads(), 3u);
    EXPECT_EQ(done.load(), 0);
    EXPECT_EQ(pool.queued(), 3u);
    released.open();
    pool.stop();
    EXPECT_EQ(done.load(), 6);
    EXPECT_EQ(pool.threads(), 3u);
}

TEST(db_worker_pool, stop_runs_what_is_queued_while_jobs_wait_elsewhere) {
    gate released;
    std::atomic<int> done{0};
    db_worker_pool pool(no_database(), with(1, 2));
    submit_jobs_waiting_for(pool, released, 4, done);
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
