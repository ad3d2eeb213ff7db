#pragma once
// The database workers. Network threads never wait on the database: they hand a job to this pool and are
// called back. A fixed number of worker threads each own one connection (Connector/C++ wants one per thread,
// SQLite one per thread) and take jobs in arrival order. The queue is bounded: when it is full, try_submit says
// no and the caller answers 503 instead of letting work pile up without limit.
//
// A job goes to the thread that went idle last (each idle thread waits on a condition of its own): its
// connection and caches are the warmest. And only one thread is being woken at a time: it wakes the next if
// more jobs wait when it takes its own. Waking one thread per job, most of them to find the job taken by a
// thread that just finished, cost health checks a fifth of their rate on these two cores (docs/performance.md).
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::workers {

class db_worker_pool {
public:
    // A job gets the worker's connection, or nullptr when the database cannot be reached right now.
    using job = std::function<void(sql::connection*)>;
    using connection_factory = std::function<std::unique_ptr<sql::connection>()>;

    struct options {
        int workers = 16;  // threads, each with its connection: jobs running at once
        std::size_t queue_limit = 256;
        std::function<void()> on_thread_start;  // e.g. Connector/C++ threadInit()
        std::function<void()> on_thread_end;
    };

    db_worker_pool(connection_factory connect, options opts);
    ~db_worker_pool();  // stop()
    db_worker_pool(const db_worker_pool&) = delete;
    db_worker_pool& operator=(const db_worker_pool&) = delete;

    // False when the queue is full or the pool is stopping; the job is then not run.
    bool try_submit(job j);

    // Runs what is queued, then joins the workers. Idempotent.
    void stop();

    std::size_t queued() const;

private:
    // A thread waiting for a job, woken by name.
    struct idle_thread {
        std::condition_variable wake;
        bool woken = false;
    };

    void work();
    // With mutex_ held: the thread that went idle last is woken.
    void wake_one_locked();

    connection_factory connect_;
    options options_;
    mutable std::mutex mutex_;
    std::deque<job> queue_;
    std::vector<idle_thread*> idle_;  // the last to go idle on top
    int waking_ = 0;                  // threads woken that have not yet looked at the queue
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace fupin::server::workers
