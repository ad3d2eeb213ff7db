#pragma once
// The one header that brings in Asio, Beast and Asio SSL, and names their namespaces for this project.
// Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility>; include it first.
#include <utility>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace fupin::transport {
namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using error_code = boost::system::error_code;
}  // namespace fupin::transport
