#pragma once
// The clock the caches age their entries by: steady (never set back with the wall clock), and given to them
// rather than read by them, so that a test moves time on instead of sleeping.
#include <chrono>
#include <functional>

namespace fupin::server::service {

using monotonic_clock = std::function<std::chrono::steady_clock::time_point()>;

inline monotonic_clock steady_monotonic_clock() {
    return [] { return std::chrono::steady_clock::now(); };
}

}  // namespace fupin::server::service
