#pragma once
// Everything county-server can be told, with its defaults. Filled from flags or the config file by the CLI,
// or directly by tests.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "common/attachment.hpp"
#include "common/department_list_file.hpp"
#include "common/procedure.hpp"

namespace fupin::server {

struct server_config {
    std::string listen_host = "127.0.0.1";
    unsigned short listen_port = 8443;  // 0: any free port (tests read it back with county_server::port())
    std::string database_url = "sqlite:county-archive.db";

    std::string tls_certificate;
    std::string tls_private_key;
    std::string client_ca;
    std::string crl;  // empty: no CRL

    int network_threads = 2;
    // Requests running at once on the database, each worker with its connection (workers/db_worker_pool.hpp).
    // A create waiting for its batch holds its worker (service/group_commit.hpp): 16 lets batches grow large
    // enough to pay (docs/performance.md, "The create path").
    int database_workers = 16;
    std::size_t database_queue_limit = 256;  // beyond this, requests get 503 server_busy
    std::size_t max_connections = 10000;  // kept below the open-file limit (open_file_limit.hpp)
    // TLS handshakes in progress, in all and from one peer address: connections beyond either are closed at
    // once (net/handshake_limiter.hpp), so silent sockets cannot hold the server's places.
    std::size_t max_handshakes = 512;
    std::size_t max_handshakes_per_address = 64;  // a county network behind one NAT reconnecting at once fits

    std::size_t header_limit = 8 * 1024;
    std::size_t body_limit = 1024 * 1024;
    // A file sent whole (api/file_uploads.hpp: a department's list of up to 200,000 rows) with the county's
    // certificate may be this large and take this long to arrive.
    std::size_t upload_body_limit = common::department_list_max_bytes;
    // An attachment of a household file (a scanned application, a photo): any office may send one this large.
    std::size_t attachment_body_limit = common::attachment_max_bytes;
    // Files sent whole (lists, attachments) read at once; one more is answered 503 server_busy. Bounds the
    // memory bodies can hold before their requests are authenticated: this times the largest limit.
    int max_large_bodies = 16;
    std::chrono::seconds upload_read_timeout{120};
    std::chrono::seconds handshake_timeout{5};  // a handshake is 2 round trips: seconds even on a poor line
    std::chrono::seconds idle_timeout{60};     // keep-alive wait for the next request, header included
    std::chrono::seconds read_timeout{30};     // the body of a request, once its header arrived
    std::chrono::seconds write_timeout{30};

    // Sessions: idle expiry and absolute expiry.
    std::chrono::minutes session_idle_timeout{30};
    std::chrono::minutes session_lifetime{12 * 60};
    // How long a session look-up is reused (service/session_cache.hpp): within one process logouts and account
    // changes take effect at once; made through another process, within this long. 0: every request asks the
    // database.
    std::chrono::milliseconds session_cache_ttl{1000};
    // Household files kept in memory for reads (service/household_file_cache.hpp): exact within the process;
    // a change made through another process is seen within one feed poll (feed_poll_interval). 0: every read
    // asks the database. About 2.5 kB per file.
    std::size_t household_cache_files = 10'000;
    // Failed logins, counted per account and per certificate: from `login_slow_after` on, each further try must
    // wait 2^(failures - login_slow_after) seconds; at `login_lock_after` the account or certificate is locked
    // for `login_lock_period`.
    int login_slow_after = 3;
    int login_lock_after = 6;
    std::chrono::minutes login_lock_period{15};
    // Argon2id cost; tests lower it to keep a few hundred logins quick.
    std::uint32_t argon2_memory_kib = 19 * 1024;
    std::uint32_t argon2_iterations = 2;
    // Refused requests (403) written to the audit trail one by one per user and minute; the rest of a minute's
    // are counted and written as one entry (service/denial_recorder.hpp).
    int audit_denials_per_minute = 10;
    // The cross-township person lookup (GET /api/v1/people): at most `lookup_limit` lookups per user within any
    // `lookup_window`, counted in the database so that every server process on it shares the count.
    int lookup_limit = 30;
    std::chrono::seconds lookup_window{60};

    // How many households one helper answers for at most (结对帮扶: a few only, the plan says).
    int helper_household_limit = 5;
    // 联系到人 in the 三到户三到人 view: a helper's visit within this many days, today included.
    int contact_visit_days = 90;

    // Lengths of the three postings and of the result posting, in China calendar days (docs/procedure.md).
    common::posting_days posting_days;

    // The change feed (docs/protocol.md, "The change feed"): how often the outbox is polled while someone
    // subscribes (a local write polls at once), how many recent events stay in memory, how far behind a
    // subscriber may fall (and for how long stand still) before it is cut off, subscriptions per user, the WebSocket idle timeout (pings at
    // half of it), and how often a subscriber's session is checked again.
    std::chrono::milliseconds feed_poll_interval{50};
    std::size_t feed_memory_events = 10000;
    std::int64_t feed_max_lag = 10000;
    std::chrono::milliseconds feed_stall_timeout{5000};
    int feed_subscriptions_per_user = 4;
    std::chrono::seconds feed_idle_timeout{30};
    std::chrono::seconds feed_session_check{60};

    // Creates written together (service/group_commit.hpp): what it buys is measured by switching it off
    // (scripts/bench, step createpath; docs/performance.md). Off: each create in one transaction of its own.
    bool group_commit = true;

    bool handle_signals = false;  // SIGINT/SIGTERM stop the server gracefully (the executable sets this)

    // Milliseconds since the epoch, UTC. Tests inject their own clock.
    std::function<std::int64_t()> clock;
    // What the caches age their entries by (steady_clock when empty). Tests inject their own, to move time on
    // without sleeping.
    std::function<std::chrono::steady_clock::time_point()> monotonic_clock;
};

}  // namespace fupin::server
