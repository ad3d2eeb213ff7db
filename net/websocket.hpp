#pragma once
// Beast's WebSocket, for the change feed's two ends only (server/net/websocket_session.cpp and
// client/event_stream.cpp): kept out of net/asio.hpp so that no other file pays for its templates.
#include "net/asio.hpp"

#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

namespace fupin::net {
namespace websocket = boost::beast::websocket;
}  // namespace fupin::net
