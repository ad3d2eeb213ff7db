// api_client's sessions against the scripted server: login takes the token, every later request carries it as
// `Authorization: Bearer`, logout drops it, and the server's refusals arrive as typed errors.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "client/api_client.hpp"
#include "scripted_server.hpp"
#include "session_script.hpp"
#include "test_pki.hpp"

namespace fs = std::filesystem;
using namespace fupin::client;
using namespace fupin::client::test;

namespace {

class session_api : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        pki_ = new test_pki(fs::temp_directory_path() / ("fupin_session_api_test_" + std::to_string(::getpid())));
    }
    static void TearDownTestSuite() {
        fs::remove_all(fs::temp_directory_path() / ("fupin_session_api_test_" + std::to_string(::getpid())));
        delete pki_;
    }
    void SetUp() override {
        ASSERT_TRUE(pki_->ok()) << "certs/make-certs failed: these tests need its certificates";
        server_.emplace(pki_->server_context(), [this](const request<string_body>& r) { return script_(r); });
    }

    connection_options options() const {
        connection_options o;
        o.host = "127.0.0.1";
        o.port = server_->port();
        o.tls = {pki_->ca(), pki_->certificate(), pki_->private_key()};
        o.timeout = std::chrono::milliseconds(3000);
        return o;
    }

    static inline test_pki* pki_ = nullptr;
    session_script script_;
    std::optional<scripted_server> server_;
};

}  // namespace

TEST_F(session_api, login_takes_the_token_and_every_later_request_carries_it) {
    api_client client(options());
    EXPECT_TRUE(client.token().empty());
    const auto answer = client.login(session_script::username, session_script::password);
    EXPECT_EQ(client.token(), session_script::token);
    EXPECT_EQ(answer.at("user").at("role"), "village_clerk");

    const auto login_request = server_->last_request();
    EXPECT_EQ(login_request.method(), transport::http::verb::post);
    EXPECT_EQ(login_request.target(), "/api/v1/sessions");
    EXPECT_TRUE(login_request[transport::http::field::authorization].empty()) << "a login must not send a token";
    const auto body = nlohmann::json::parse(login_request.body());
    EXPECT_EQ(body.at("username"), session_script::username);
    EXPECT_EQ(body.at("password"), session_script::password);

    const auto me = client.whoami();
    EXPECT_EQ(me.at("user").at("username"), session_script::username);
    EXPECT_EQ(server_->last_request()[transport::http::field::authorization], std::string("Bearer ") + session_script::token);
    EXPECT_EQ(server_->last_request().target(), "/api/v1/sessions/current");

    // Household requests carry it too (the script answers 404 only to a live token, 401 otherwise).
    try {
        client.get_household(1);
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.status(), 404) << e.what();
    }
    EXPECT_EQ(server_->last_request()[transport::http::field::authorization], std::string("Bearer ") + session_script::token);
}

TEST_F(session_api, logout_ends_the_session_and_forgets_the_token) {
    api_client client(options());
    client.login(session_script::username, session_script::password);
    client.logout();
    EXPECT_TRUE(client.token().empty());
    EXPECT_FALSE(script_.alive());
    const auto req = server_->last_request();
    EXPECT_EQ(req.method(), transport::http::verb::delete_);
    EXPECT_EQ(req.target(), "/api/v1/sessions/current");
    EXPECT_EQ(req[transport::http::field::authorization], std::string("Bearer ") + session_script::token);

    // Without a token nothing is sent and the server answers 401 authentication_required.
    try {
        client.whoami();
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.status(), 401);
        EXPECT_EQ(e.code(), "authentication_required");
    }
    EXPECT_TRUE(server_->last_request()[transport::http::field::authorization].empty());
}

TEST_F(session_api, logout_of_an_expired_session_is_no_error) {
    api_client client(options());
    client.login(session_script::username, session_script::password);
    script_.expire();
    EXPECT_NO_THROW(client.logout());
    EXPECT_TRUE(client.token().empty());
    EXPECT_EQ(server_->requests().size(), 2u);  // the DELETE was sent, and answered 401
}

TEST_F(session_api, an_expired_session_is_a_401_session_expired) {
    api_client client(options());
    client.set_token(session_script::token);  // as loaded from the cache, but the server never issued it
    try {
        client.whoami();
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.status(), 401);
        EXPECT_EQ(e.code(), "session_expired");
    }
}

TEST_F(session_api, refused_logins_leave_no_token) {
    api_client client(options());
    try {
        client.login(session_script::username, "wrong password");
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.status(), 401);
        EXPECT_EQ(e.code(), "invalid_credentials");
    }
    EXPECT_TRUE(client.token().empty());

    script_.lock_logins();
    try {
        client.login(session_script::username, session_script::password);
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.status(), 429);
        EXPECT_EQ(e.code(), "login_locked");
        EXPECT_EQ(e.retry_after_seconds(), 600);
    }
    EXPECT_TRUE(client.token().empty());
}
