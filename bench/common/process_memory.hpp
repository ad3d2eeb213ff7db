#pragma once
// Resident memory of another process (the server under test runs as its own process for exactly this).
#include <string>

namespace fupin::bench {

// VmRSS of /proc/PID/status in KiB; throws bench_failure when the process or the field is missing.
long resident_kib(int pid);
// The whole line for the report ("VmRSS:  12345 kB"), e.g. VmHWM for the peak.
long status_field_kib(int pid, const std::string& field);

}  // namespace fupin::bench
