#pragma once
// Beast's WebSocket, for the change feed's two ends only (server/feed/websocket_session.cpp and
// client/event_stream.cpp): kept out of transport/asio.hpp so that no other file pays for its templates.
#include "transport/asio.hpp"

#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

namespace fupin::transport {
namespace websocket = boost::beast::websocket;
}  // namespace fupin::transport
