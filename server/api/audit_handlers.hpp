#pragma once
// GET /api/v1/audit (docs/protocol.md, "The audit trail"). Who may read the trail is the access policy's
// decision, made before this handler runs; the handler only reads, so it checks no role itself.
#include "server/api/router.hpp"

namespace fupin::server::api {

class audit_handlers {
public:
    // Query: user, record, action (exact matches), from (inclusive) and to (exclusive) as ISO 8601 UTC
    // ("2026-11-29T10:00:00.000Z"), page_size 1-200 (default 50), page_token. 200
    // {"items": [entry, …], "next_page_token": "…"} newest first; 400 invalid_parameter naming the parameter.
    static api_response list(const api_request& request, const path_params& params, sql::connection& db);
};

}  // namespace fupin::server::api
