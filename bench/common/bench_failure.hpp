#pragma once
// A benchmark that saw an error or an unexpected status must not print a figure: it throws this, and main()
// prints the message and exits non-zero.
#include <stdexcept>

namespace fupin::bench {

class bench_failure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace fupin::bench
