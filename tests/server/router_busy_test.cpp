// A request whose database stayed busy through every retry (another transaction held it: an import's commit on
// SQLite) is answered 503 database_busy with Retry-After, not 500: nothing was written and it may be sent again.
#include <gtest/gtest.h>

#include "server/api/router.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/error.hpp"

namespace fupin::server::api {
namespace {

TEST(router, a_database_still_busy_after_the_retries_is_503_with_retry_after) {
    router r;
    r.add("GET", "/api/v1/busy", [](const api_request&, const path_params&, sql::connection&) -> api_response {
        throw sql::retryable_error("sqlite: another write transaction of this process held the database too long");
    });
    api_request request;
    request.method = "GET";
    request.path = "/api/v1/busy";
    auto db = sql::connect("sqlite::memory:");
    const auto match = r.match(request);
    const auto response = r.run(match, request, *db);
    EXPECT_EQ(response.status, 503);
    EXPECT_NE(response.body.find("database_busy"), std::string::npos) << response.body;
    bool retry_after = false;
    for (const auto& [name, value] : response.headers) retry_after = retry_after || name == "Retry-After";
    EXPECT_TRUE(retry_after);
}

}  // namespace
}  // namespace fupin::server::api
