#include "server/workers/db_worker_pool.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "server/sql/connection.hpp"

namespace fupin::server::workers {

db_worker_pool::db_worker_pool(connection_factory connect, options opts)
    : connect_(std::move(connect)), options_(std::move(opts)) {
    const int workers = std::max(options_.workers, 1);
    threads_.reserve(static_cast<std::size_t>(workers));
    idle_.reserve(static_cast<std::size_t>(workers));  // a thread going idle never allocates
    for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
}

db_worker_pool::~db_worker_pool() { stop(); }

bool db_worker_pool::try_submit(job j) {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= options_.queue_limit) return false;
    queue_.push_back(std::move(j));
    // A thread already being woken takes this job or wakes the next; with none idle, the first to finish does.
    if (waking_ == 0 && !idle_.empty()) wake_one_locked();
    return true;
}

void db_worker_pool::wake_one_locked() {
    auto* thread = idle_.back();
    idle_.pop_back();
    ++waking_;
    thread->woken = true;
    thread->wake.notify_one();
}

void db_worker_pool::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
        while (!idle_.empty()) wake_one_locked();
    }
    for (auto& t : threads_)
        if (t.joinable()) t.join();
}

std::size_t db_worker_pool::queued() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

void db_worker_pool::work() {
    if (options_.on_thread_start) options_.on_thread_start();
    std::unique_ptr<sql::connection> connection;
    idle_thread me;
    for (;;) {
        job next;
        {
            std::unique_lock lock(mutex_);
            while (queue_.empty() && !stopping_) {
                idle_.push_back(&me);
                me.wake.wait(lock, [&me] { return me.woken; });  // whoever woke it took it off idle_
                me.woken = false;
                --waking_;
            }
            if (queue_.empty()) break;  // stopping, and everything queued has run
            next = std::move(queue_.front());
            queue_.pop_front();
            if (!queue_.empty() && waking_ == 0 && !idle_.empty()) wake_one_locked();  // more wait: the next one
        }
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
    }
    connection.reset();
    if (options_.on_thread_end) options_.on_thread_end();
}

}  // namespace fupin::server::workers
