#pragma once
// The database workers. Network threads never wait on the database: they hand a job to this pool and are
// called back. Each worker thread owns one connection (Connector/C++ wants one per thread, SQLite one per
// thread). The queue is bounded: when it is full, try_submit says no and the caller answers 503 instead of
// letting work pile up without limit.
//
// `workers` jobs run at once, but a job waiting for work another job does for it (a create waiting for the
// batch that writes it, group_commit.hpp) can step aside while it waits (waiting_elsewhere): its thread
// sleeps, and another thread, started if none is free, takes the queue meanwhile. When the waiting job wakes
// it counts again at once, even beyond `workers` for as long as it runs (to finish its request, or to write the
// next batch). So creates waiting for their batch hold no worker's place, and batches grow with the load while
// other requests find a worker. Threads so started are kept, each with its connection, up to `max_threads` in
// all; past that, a job waits in the queue for a thread.
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
        int workers = 8;           // jobs running at once
        int max_threads = 40;      // threads (and connections) at most, counting those whose jobs wait elsewhere
        std::size_t queue_limit = 256;
        std::function<void()> on_thread_start;  // e.g. Connector/C++ threadInit()
        std::function<void()> on_thread_end;
    };

    // While one lives on a worker thread, its job does not count against `workers`: for a job that sleeps
    // until another job has done its work. Elsewhere (a thread of no pool) it does nothing.
    class waiting_elsewhere {
    public:
        waiting_elsewhere();
        ~waiting_elsewhere();
        waiting_elsewhere(const waiting_elsewhere&) = delete;
        waiting_elsewhere& operator=(const waiting_elsewhere&) = delete;

    private:
        db_worker_pool* pool_;
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
    std::size_t threads() const;  // started so far

private:
    // A thread waiting for a job, woken by name: each wake-up reaches a different thread, and only one.
    struct idle_thread {
        std::condition_variable wake;
        bool woken = false;
    };

    void work();
    // With mutex_ held: a job is queued and a worker's place is free: an idle thread is woken, or one started.
    void find_runner_locked();
    void start_thread_locked();
    void wake_all_idle_locked();
    void step_aside();
    void step_back();

    connection_factory connect_;
    options options_;
    mutable std::mutex mutex_;
    std::deque<job> queue_;
    bool stopping_ = false;
    int running_ = 0;                   // jobs running that count against `workers`
    int looking_ = 0;                   // threads started or woken that have not yet looked at the queue
    std::vector<idle_thread*> idle_;    // threads waiting for a job, not yet woken; the last to sleep on top
    std::size_t started_ = 0;
    std::vector<std::thread> threads_;
};

}  // namespace fupin::server::workers
