#pragma once
// Asio's and Beast's namespaces by the short names the server's network code writes (server/net, server/feed,
// server/workers/database_call.hpp): aliases of transport/asio.hpp's, declared once for all of fupin::server.
#include "transport/asio.hpp"

namespace fupin::server {

namespace asio = transport::asio;
namespace ssl = transport::ssl;
namespace beast = transport::beast;
namespace http = transport::http;
using tcp = transport::tcp;
using error_code = transport::error_code;

}  // namespace fupin::server
