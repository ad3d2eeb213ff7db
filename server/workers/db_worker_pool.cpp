#include "server/workers/db_worker_pool.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "server/sql/connection.hpp"

namespace fupin::server::workers {
namespace {

// The pool whose worker this thread is, for waiting_elsewhere.
thread_local db_worker_pool* this_threads_pool = nullptr;

}  // namespace

db_worker_pool::waiting_elsewhere::waiting_elsewhere() : pool_(this_threads_pool) {
    if (pool_) pool_->step_aside();
}

db_worker_pool::waiting_elsewhere::~waiting_elsewhere() {
    if (pool_) pool_->step_back();
}

db_worker_pool::db_worker_pool(connection_factory connect, options opts)
    : connect_(std::move(connect)), options_(std::move(opts)) {
    options_.workers = std::max(options_.workers, 1);
    options_.max_threads = std::max(options_.max_threads, options_.workers);
    std::lock_guard lock(mutex_);
    idle_.reserve(static_cast<std::size_t>(options_.max_threads));  // a thread going idle never allocates
    for (int i = 0; i < options_.workers; ++i) start_thread_locked();
}

db_worker_pool::~db_worker_pool() { stop(); }

bool db_worker_pool::try_submit(job j) {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= options_.queue_limit) return false;
    queue_.push_back(std::move(j));
    find_runner_locked();
    return true;
}

void db_worker_pool::find_runner_locked() {
    if (queue_.empty() || running_ >= options_.workers) return;  // a job that ends takes the next one itself
    // A thread about to look at the queue takes the job, and finds a runner for the next one if any is left.
    if (looking_ > 0) return;
    if (!idle_.empty()) {
        // The one that slept last: its connection and caches are the warmest.
        auto* thread = idle_.back();
        idle_.pop_back();
        ++looking_;
        thread->woken = true;
        thread->wake.notify_one();
    } else if (!stopping_ && started_ < static_cast<std::size_t>(options_.max_threads)) {
        // Every thread is running a job or waiting inside one (waiting_elsewhere): one more.
        try {
            start_thread_locked();
        } catch (const std::exception& e) {  // the job waits for a running one to end instead
            spdlog::warn("database worker pool: cannot start another thread: {}", e.what());
        }
    }
}

void db_worker_pool::start_thread_locked() {
    threads_.emplace_back([this] { work(); });
    ++started_;
    ++looking_;
}

void db_worker_pool::wake_all_idle_locked() {
    for (auto* thread : idle_) {
        ++looking_;
        thread->woken = true;
        thread->wake.notify_one();
    }
    idle_.clear();
}

void db_worker_pool::step_aside() {
    std::lock_guard lock(mutex_);
    --running_;
    find_runner_locked();
}

void db_worker_pool::step_back() {
    // Counted again at once, even past `workers`: the job goes on (finishes its request, or writes a batch).
    std::lock_guard lock(mutex_);
    ++running_;
}

void db_worker_pool::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        wake_all_idle_locked();
    }
    // No thread is started once stopping: the threads there are now are all there will be.
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(mutex_);
        threads.swap(threads_);
    }
    for (auto& t : threads)
        if (t.joinable()) t.join();
}

std::size_t db_worker_pool::queued() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

std::size_t db_worker_pool::threads() const {
    std::lock_guard lock(mutex_);
    return started_;
}

void db_worker_pool::work() {
    this_threads_pool = this;
    if (options_.on_thread_start) options_.on_thread_start();
    std::unique_ptr<sql::connection> connection;
    idle_thread me;
    std::unique_lock lock(mutex_);
    for (;;) {
        // Looking at the queue (counted in looking_ by whoever started or woke this thread).
        while (queue_.empty() || running_ >= options_.workers) {
            if (stopping_ && queue_.empty()) break;
            --looking_;
            idle_.push_back(&me);
            me.wake.wait(lock, [&me] { return me.woken; });  // whoever woke it took it off idle_, counted it
            me.woken = false;
        }
        if (queue_.empty()) break;  // stopping, and everything queued has run
        job next = std::move(queue_.front());
        queue_.pop_front();
        --looking_;
        ++running_;
        find_runner_locked();  // more queued, and a place free: the next thread, so jobs do not wait in line
        lock.unlock();

        // Connect lazily and again after a failure, so a database that comes back is used again.
        if (!connection) {
            try {
                connection = connect_();
            } catch (const std::exception& e) {
                spdlog::error("database connection failed: {}", e.what());
            }
        }
        try {
            next(connection.get());
        } catch (const std::exception& e) {
            spdlog::error("database job failed outside its handler: {}", e.what());
        }
        next = nullptr;  // what the job holds goes now, not when the next one arrives
        // A connection whose server went away is replaced before the next job, not failed on forever.
        if (connection && connection->broken()) {
            spdlog::warn("database connection lost; reconnecting for the next request");
            connection.reset();
        }

        lock.lock();
        --running_;
        ++looking_;
        // While stopping, threads that found no place free sleep until the queue is empty: then they leave.
        if (stopping_) wake_all_idle_locked();
    }
    --looking_;
    lock.unlock();
    connection.reset();
    if (options_.on_thread_end) options_.on_thread_end();
    this_threads_pool = nullptr;
}

}  // namespace fupin::server::workers
