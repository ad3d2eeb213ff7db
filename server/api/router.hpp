#pragma once
// Maps METHOD + path to a handler, and is the one place where a handler's failure becomes an error response:
// api_error → its status and code; anything else → 500 internal_error, logged with the request id, with no
// SQL, path or exception text sent to the client.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/api/api_request.hpp"
#include "server/api/api_response.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::api {

using path_params = std::map<std::string, std::string>;
using handler = std::function<api_response(const api_request&, const path_params&, sql::connection&)>;
// A route's answer from memory alone, run on the network thread before the request goes to a database worker:
// nullopt (the common case on a miss) sends it there. It must not block, and whatever it cannot decide from
// memory, refusals included, it leaves to the handler.
using memory_handler = std::function<std::optional<api_response>(const api_request&, const path_params&)>;

struct route_match {
    const handler* target = nullptr;  // null: `error` says why (404 or 405)
    const memory_handler* from_memory = nullptr;  // the route's memory handler, if it has one
    path_params params;
    api_response error;
};

class router {
public:
    // pattern: "/api/v1/households/{id}"; a {name} segment matches one non-empty path segment.
    void add(std::string method, std::string pattern, handler h, memory_handler from_memory = nullptr);

    // Needs no database: the network layer answers 404/405 without taking a database worker.
    route_match match(const api_request& request) const;

    // Runs a matched handler; never throws.
    api_response run(const route_match& match, const api_request& request, sql::connection& connection) const;

    // Runs a matched route's memory handler, if any; never throws (a failure is logged and gives nullopt).
    std::optional<api_response> run_from_memory(const route_match& match, const api_request& request) const;

    // Every route as "METHOD /pattern", in the order added (tests walk them all: access_matrix_test).
    std::vector<std::string> endpoints() const;

    // What a request gets when no database connection can be had.
    static api_response database_unavailable(const api_request& request);

private:
    struct route {
        std::string method;
        std::vector<std::string> segments;
        handler target;
        memory_handler from_memory;
    };
    std::vector<route> routes_;
};

}  // namespace fupin::server::api
