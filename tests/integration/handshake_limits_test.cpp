// Connections that never finish their TLS handshake cannot starve the server: handshakes in progress are
// limited per peer address and in all, and the rest are closed at once (the limiter and the open-file limit on
// their own: tests/server/connection_limits_test.cpp).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "test_archive.hpp"

namespace fupin::test {
namespace {

// A TCP connection from a chosen loopback address (all of 127/8 is this machine) that sends nothing.
class silent_socket {
public:
    silent_socket(const std::string& from, unsigned short port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in local{};
        local.sin_family = AF_INET;
        ::inet_pton(AF_INET, from.c_str(), &local.sin_addr);
        EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local), 0);
        sockaddr_in server{};
        server.sin_family = AF_INET;
        server.sin_port = htons(port);
        ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
        EXPECT_EQ(::connect(fd_, reinterpret_cast<sockaddr*>(&server), sizeof server), 0);
    }
    silent_socket(const silent_socket&) = delete;
    ~silent_socket() { ::close(fd_); }

    // Whether the server closed the connection within `limit`.
    bool closed_within(std::chrono::milliseconds limit) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(limit.count())) <= 0) return false;
        char byte;
        return ::recv(fd_, &byte, 1, 0) <= 0;
    }

private:
    int fd_;
};

class handshake_limits : public archive_test {
protected:
    void configure(server::server_config& config) override {
        config.max_handshakes_per_address = 4;
        config.max_handshakes = 6;
        config.handshake_timeout = std::chrono::seconds(2);
    }
};

TEST_P(handshake_limits, silent_sockets_from_one_address_do_not_keep_others_out) {
    std::vector<std::unique_ptr<silent_socket>> flood;
    for (int i = 0; i < 20; ++i) flood.push_back(std::make_unique<silent_socket>("127.0.0.2", server_->port()));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // well within the 2 s handshake deadline
    int closed_at_once = 0;
    for (auto& s : flood) closed_at_once += s->closed_within(std::chrono::milliseconds(0)) ? 1 : 0;
    EXPECT_EQ(closed_at_once, 16);  // all but the four handshakes that address may have in progress

    // A township from another address is served meanwhile.
    client::api_client township(options_for(township_a));
    EXPECT_EQ(township.health()["status"], "ok");
    // And the four waiting ones are cut off at the handshake deadline.
    int closed_later = 0;
    for (auto& s : flood) closed_later += s->closed_within(std::chrono::seconds(4)) ? 1 : 0;
    EXPECT_EQ(closed_later, 20);
}

TEST_P(handshake_limits, handshakes_in_progress_are_limited_in_all) {
    std::vector<std::unique_ptr<silent_socket>> flood;
    for (const auto* from : {"127.0.0.2", "127.0.0.3"})
        for (int i = 0; i < 3; ++i) flood.push_back(std::make_unique<silent_socket>(from, server_->port()));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    for (auto& s : flood) EXPECT_FALSE(s->closed_within(std::chrono::milliseconds(0)));
    silent_socket one_too_many("127.0.0.4", server_->port());
    EXPECT_TRUE(one_too_many.closed_within(std::chrono::milliseconds(500)));
    flood.clear();  // the handshakes end (the peers went away): places are free again
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    client::api_client township(options_for(township_a));
    EXPECT_EQ(township.health()["status"], "ok");
}

INSTANTIATE_TEST_SUITE_P(backends, handshake_limits, ::testing::Values("sqlite"), backend_name);

}  // namespace
}  // namespace fupin::test
