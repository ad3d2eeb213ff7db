#pragma once
// What GET /api/v1/events answers the network layer when it lets a session subscribe to the change feed: who
// subscribes, and how to ask again (every minute while the subscription lasts) whether that session still may.
#include <functional>
#include <string>

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::api {

struct feed_grant {
    std::string username;
    std::string role;
    std::string area_code;
    // True while the session is open and its user may still read households; throws only when the database
    // cannot answer.
    std::function<bool(sql::connection&)> still_granted;
};

}  // namespace fupin::server::api
