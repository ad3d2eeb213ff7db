#pragma once
// Group commit: writes that arrive while another batch is being written wait, and are then written together in
// one transaction. The part of a write that runs one at a time (from the outbox head to the commit,
// docs/performance.md) is then paid once per batch, not once per write. There is no timer: a write that finds
// nobody writing is written at once, alone, and batches form only while the database is busy.
//
// Every caller brings its own connection (a database worker's). Whoever finds no batch in progress leads: it
// takes what is queued, at most max_batch items in arrival order, writes them on its own connection, then wakes
// the others. The rest wait holding no transaction, so a waiter never holds a lock the leader needs; nor, on a
// database worker, a worker's place (workers::db_worker_pool::waiting_elsewhere), so batches can hold more creates than
// there are workers, and other requests do not queue behind waiting creates.
//
// Item must have a member `std::exception_ptr error`. The writer sets each item's outcome; an exception from
// it means nothing of the batch was written, and becomes the error of every item in it.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <span>
#include <vector>

#include "server/workers/db_worker_pool.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

// What a group_commit is doing and has done, for tests and benchmarks (bench-sql-baseline prints creates per batch).
struct group_commit_counts {
    std::size_t waiting = 0;     // items queued for the next batch
    std::size_t writing = 0;     // items of the batch being written
    std::uint64_t batches = 0;   // batches written (or failed) so far
    std::uint64_t items = 0;     // items in them
};

template <class Item>
class group_commit {
public:
    using writer = std::function<void(sql::connection&, std::span<Item* const>)>;

    explicit group_commit(std::size_t max_batch) : max_batch_(std::max<std::size_t>(max_batch, 1)) {}

    // Returns once `item` has been written, by this thread or by another.
    void run(sql::connection& db, Item& item, const writer& write) {
        waiting mine{&item, false, {}};
        std::unique_lock lock(mutex_);
        queue_.push_back(&mine);
        while (!mine.done) {
            if (leading_) {
                const workers::db_worker_pool::waiting_elsewhere aside;
                mine.wake.wait(lock);
                continue;
            }
            const auto n = static_cast<std::ptrdiff_t>(std::min(queue_.size(), max_batch_));
            std::vector<waiting*> batch;
            try {
                batch.assign(queue_.begin(), queue_.begin() + n);
            } catch (...) {  // no memory: this waiter leaves (it is queued: nobody leads), the rest stay as they were
                queue_.erase(std::find(queue_.begin(), queue_.end(), &mine));
                if (!queue_.empty()) queue_.front()->wake.notify_one();
                throw;
            }
            queue_.erase(queue_.begin(), queue_.begin() + n);
            leading_ = true;
            counts_.writing = batch.size();
            lock.unlock();

            std::exception_ptr failed;
            try {
                std::vector<Item*> items;
                items.reserve(batch.size());
                for (auto* w : batch) items.push_back(w->item);
                write(db, items);
            } catch (...) {
                failed = std::current_exception();
            }

            lock.lock();
            ++counts_.batches;
            counts_.items += batch.size();
            counts_.writing = 0;
            for (auto* w : batch) {
                if (failed) w->item->error = failed;
                w->done = true;
                w->wake.notify_one();  // under the lock: the waiter cannot return and take its `waiting` away first
            }
            leading_ = false;
            // Only the finished are woken, and the first of the rest to lead the next batch: waking every waiter
            // after each batch costs more context switches than the batch saves.
            if (!queue_.empty()) queue_.front()->wake.notify_one();
        }
    }

    group_commit_counts counts() const {
        std::lock_guard lock(mutex_);
        auto now = counts_;
        now.waiting = queue_.size();
        return now;
    }

private:
    struct waiting {
        Item* item;
        bool done = false;
        std::condition_variable wake{};  // its own, so that only this waiter is woken
    };

    const std::size_t max_batch_;
    mutable std::mutex mutex_;
    std::deque<waiting*> queue_;
    bool leading_ = false;
    group_commit_counts counts_;
};

}  // namespace fupin::server::service
