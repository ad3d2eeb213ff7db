#pragma once
// Failed-login counters, one row per account ("user:NAME") or certificate ("cert:SUBJECT").
#include <cstdint>
#include <optional>
#include <string>

#include "server/sql/connection.hpp"

namespace fupin::server::storage {

struct login_throttle_record {
    std::string key;
    int failures = 0;
    std::int64_t last_failure_ms = 0;
    std::int64_t locked_until_ms = 0;
};

class login_throttle_repository {
public:
    explicit login_throttle_repository(sql::connection& conn) : conn_(conn) {}

    // Makes the row if there is none (no failures yet), so that find_for_update always has a row to lock.
    void ensure(const std::string& key);
    // Locks the row on MySQL (call inside a write transaction) so concurrent attempts are counted one by one.
    std::optional<login_throttle_record> find_for_update(const std::string& key);
    void save(const login_throttle_record& r);  // insert or replace
    void clear(const std::string& key);
    // A success takes back the failure its attempt was counted as: the row becomes `before` again if it is
    // still as the attempt left it (`counted`), otherwise (others counted since) it loses one failure.
    void take_back(const login_throttle_record& counted, const login_throttle_record& before);
    // Deletes the rows whose last failure is before `faded_before_ms` and that hold no lock at `now_ms`.
    void remove_faded(std::int64_t faded_before_ms, std::int64_t now_ms);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
