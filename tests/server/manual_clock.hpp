#pragma once
// A steady clock that stands still until the test moves it on: caches given it (server/service/monotonic_clock.hpp)
// expire their entries when the test says, without the test sleeping.
#include <atomic>
#include <chrono>
#include <memory>

#include "server/service/monotonic_clock.hpp"

namespace fupin::test {

class manual_clock {
public:
    // What the cache or the server is given; it reads this clock however long it lives.
    server::service::monotonic_clock function() const {
        return [now = now_] { return std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(now->load())); };
    }
    void advance(std::chrono::steady_clock::duration by) { *now_ += by.count(); }

private:
    std::shared_ptr<std::atomic<std::chrono::steady_clock::rep>> now_ =
        std::make_shared<std::atomic<std::chrono::steady_clock::rep>>(
            std::chrono::steady_clock::now().time_since_epoch().count());
};

}  // namespace fupin::test
