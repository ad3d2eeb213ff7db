#pragma once
// Group commit: writes that arrive while another batch is being written wait, and are then written together in
// one transaction. The part of a write that runs one at a time (from the outbox head to the commit,
// docs/performance.md) is then paid once per batch, not once per write. There is no timer: a write that finds
// nobody writing is written at once, alone, and batches form only while the database is busy.
//
// Every caller brings its own connection (a database worker's). Whoever finds no batch in progress leads: it
// takes everything queued, in arrival order, writes it on its own connection, then wakes the others. The rest
// wait holding no transaction, so a waiter never holds a lock the leader needs. A waiter holds its database
// worker, so a batch holds at most as many writes as the server has workers (server_config::database_workers).
//
// Item must have a member `std::exception_ptr error`. The writer sets each item's outcome; an exception from
// it means nothing of the batch was written, and becomes the error of every item in it.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <span>
#include <vector>

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

// What a test watches of the batches (tests/integration/household_create_batch_test.cpp); the server passes
// none. Called with the group_commit's lock held: quick, and never back into it.
class batch_observer {
public:
    virtual ~batch_observer() = default;
    virtual void queued() {}                       // an item waits for a batch
    virtual void writing(std::size_t /*items*/) {}  // that many were taken from the queue and are being written
    virtual void written(std::size_t /*items*/) {}  // ... and their batch has ended, written or refused
    virtual void written_alone() {}                // an item of a refused batch is written again on its own
};

template <class Item>
class group_commit {
public:
    using writer = std::function<void(sql::connection&, std::span<Item* const>)>;

    explicit group_commit(batch_observer* observer = nullptr) : observer_(observer) {}

    // Returns once `item` has been written, by this thread or by another.
    void run(sql::connection& db, Item& item, const writer& write) {
        waiting mine{&item, false, {}};
        std::unique_lock lock(mutex_);
        queue_.push_back(&mine);
        if (observer_) observer_->queued();
        while (!mine.done) {
            if (leading_) {
                mine.wake.wait(lock);
                continue;
            }
            std::vector<waiting*> batch;
            try {
                batch.assign(queue_.begin(), queue_.end());
            } catch (...) {  // no memory: this waiter leaves (it is queued: nobody leads), the rest stay as they were
                queue_.erase(std::find(queue_.begin(), queue_.end(), &mine));
                if (!queue_.empty()) queue_.front()->wake.notify_one();
                throw;
            }
            queue_.clear();
            leading_ = true;
            if (observer_) observer_->writing(batch.size());
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
            if (observer_) observer_->written(batch.size());
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

private:
    struct waiting {
        Item* item;
        bool done = false;
        std::condition_variable wake{};  // its own, so that only this waiter is woken
    };

    batch_observer* const observer_;
    std::mutex mutex_;
    std::deque<waiting*> queue_;
    bool leading_ = false;
};

}  // namespace fupin::server::service
