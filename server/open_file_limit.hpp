#pragma once
// The process's open-file limit: Debian starts processes with 1,024 descriptors (soft), far below what the
// connection cap allows, so a burst of connections would starve the database's reconnects and SQLite's files.
#include <cstddef>

namespace fupin::server {

// Raises the soft RLIMIT_NOFILE to the hard limit (as a service manager's LimitNOFILE allows) and returns the
// soft limit now in force.
std::size_t raise_open_file_limit();

// The connection cap the server keeps: the configured one, but never closer to the open-file limit than the
// descriptors the rest of the process needs (database connections, the archive's files, the listener, logs).
std::size_t connection_cap(std::size_t configured, std::size_t open_file_limit, std::size_t reserved);

}  // namespace fupin::server
