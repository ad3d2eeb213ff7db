#pragma once
// `county-server audit …`: commands that read the audit trail straight from the database.
#include <string>

namespace fupin::server {

// Exit code of `audit verify` when the trail does not hold (0: intact, 1: the database could not be read).
inline constexpr int audit_tampered_exit_code = 3;

// Opens and migrates the database, walks the whole chain (service::audit_verifier) and logs either
// "audit trail intact: N entries" (returns 0) or the first bad entry's seq, problem code and what it means
// (returns 3). Any other failure (bad URL, database down) is logged and returns 1.
int audit_verify_command(const std::string& database_url);

}  // namespace fupin::server
