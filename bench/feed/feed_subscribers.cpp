#include "bench/feed/feed_subscribers.hpp"

#include "bench/common/bench_failure.hpp"

namespace fupin::bench {

feed_subscribers::feed_subscribers(const client::connection_options& options, const std::string& token, int count,
                                   std::size_t expected, bench_clock::time_point epoch)
    : epoch_(epoch) {
    for (int i = 0; i < count; ++i) {
        auto sub = std::make_unique<subscriber>();
        sub->arrival.assign(expected, 0);
        if (i == 0) sub->records.assign(expected, std::string());
        sub->stream = std::make_unique<client::event_stream>(options, token, std::nullopt);
        sub->stream->on_interruption([&s = *sub](const client::feed_interruption&) { ++s.interruptions; });
        subs_.push_back(std::move(sub));
    }
    for (auto& sub : subs_)
        sub->thread = std::thread([this, &s = *sub] {
            try {
                s.stream->run([this, &s](const client::feed_event& e) { on_event(s, e); });
            } catch (const std::exception& e) {
                s.failure = e.what();
            }
            s.ended = true;
        });
}

feed_subscribers::~feed_subscribers() { stop(); }

void feed_subscribers::on_event(subscriber& s, const client::feed_event& e) {
    const auto now = std::chrono::duration_cast<std::chrono::nanoseconds>(bench_clock::now() - epoch_).count();
    const auto head = head_.load();
    if (head < 0 || (s.last_seq >= 0 && e.seq != s.last_seq + 1) || (s.last_seq < 0 && e.seq != head + 1)) ++s.faults;
    s.last_seq = e.seq;
    const auto place = e.seq - head - 1;
    if (head < 0 || place < 0 || static_cast<std::size_t>(place) >= s.arrival.size() ||
        s.arrival[static_cast<std::size_t>(place)] != 0) {
        ++s.faults;
        return;
    }
    s.arrival[static_cast<std::size_t>(place)] = now;
    if (!s.records.empty()) s.records[static_cast<std::size_t>(place)] = e.record;
    ++s.received;
}

std::int64_t feed_subscribers::wait_for_hello(std::chrono::seconds timeout) {
    const auto deadline = bench_clock::now() + timeout;
    for (;;) {
        bool all = true;
        for (auto& s : subs_) {
            if (s->ended) throw bench_failure("a subscriber ended before its hello: " + s->failure);
            if (!s->stream->cursor()) all = false;
        }
        if (all) break;
        if (bench_clock::now() > deadline)
            throw bench_failure("not every subscriber had its hello after " + std::to_string(timeout.count()) + " s");
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const auto head = *subs_.front()->stream->cursor();
    for (auto& s : subs_)
        if (*s->stream->cursor() != head)
            throw bench_failure("the subscribers' heads differ (" + std::to_string(head) + ", " +
                                std::to_string(*s->stream->cursor()) + "): something wrote while they connected");
    head_ = head;
    return head;
}

bool feed_subscribers::wait_for(std::size_t events, std::chrono::seconds timeout) const {
    const auto deadline = bench_clock::now() + timeout;
    for (;;) {
        bool all = true;
        for (auto& s : subs_) {
            if (s->ended) return false;
            if (s->received.load() < events) all = false;
        }
        if (all) return true;
        if (bench_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

void feed_subscribers::stop() {
    for (auto& s : subs_) s->stream->stop();
    for (auto& s : subs_)
        if (s->thread.joinable()) s->thread.join();
}

std::int64_t feed_subscribers::faults() const {
    std::int64_t n = 0;
    for (auto& s : subs_) n += s->faults.load();
    return n;
}

int feed_subscribers::interruptions() const {
    int n = 0;
    for (auto& s : subs_) n += s->interruptions.load();
    return n;
}

std::vector<std::string> feed_subscribers::failures() const {
    std::vector<std::string> out;
    for (auto& s : subs_)
        if (s->ended && !s->failure.empty()) out.push_back(s->failure);
    return out;
}

}  // namespace fupin::bench
