#pragma once
// What the load generator does, one operation at a time. A later capability adds its own scenario (a file
// with its make_* factory in scenarios.hpp and a line in load_main.cpp) and gets the runner, the latency
// statistics and the baseline comparison for free.
#include <string>

#include "bench/load/load_worker.hpp"

namespace fupin::bench {

class scenario {
public:
    virtual ~scenario() = default;
    virtual std::string name() const = 0;
    // Untimed set-up on the worker's own thread before the clock starts (e.g. households this worker updates).
    virtual void prepare(load_worker&) {}
    // One operation: one or more worker.send() calls. Runs concurrently on every worker thread.
    virtual void run_once(load_worker& worker) = 0;
};

}  // namespace fupin::bench
