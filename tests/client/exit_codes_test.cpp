#include <gtest/gtest.h>

#include <string>

#include "client/exit_codes.hpp"

using namespace fupin::client;

TEST(exit_codes, http_statuses) {
    EXPECT_EQ(exit_code_for_status(200), 0);
    EXPECT_EQ(exit_code_for_status(201), 0);
    for (int status : {400, 413, 415, 422}) EXPECT_EQ(exit_code_for_status(status), 3) << status;
    EXPECT_EQ(exit_code_for_status(409), 4);
    EXPECT_EQ(exit_code_for_status(404), 5);
    EXPECT_EQ(exit_code_for_status(403), 6);
    EXPECT_EQ(exit_code_for_status(401), 9);  // logging in again helps; a 403 it does not
    EXPECT_EQ(exit_code_for_status(429), 9);
    for (int status : {500, 502, 503, 504}) EXPECT_EQ(exit_code_for_status(status), 8) << status;
    EXPECT_EQ(exit_code_for_status(405), 8);
}

TEST(exit_codes, error_kinds) {
    EXPECT_EQ(exit_code_for(client_error(error_kind::unreachable, "refused")), 7);
    EXPECT_EQ(exit_code_for(client_error(error_kind::tls, "certificate required")), 7);
    EXPECT_EQ(exit_code_for(client_error(error_kind::protocol, "not JSON")), 8);
    EXPECT_EQ(exit_code_for(client_error::from_response(409, "version_conflict", "版本冲突")), 4);
    EXPECT_EQ(exit_code_for(client_error::from_response(422, "invalid_id_number", "身份证号有误")), 3);
    EXPECT_EQ(exit_code_for(client_error::from_response(401, "session_expired", "登录已过期")), 9);
    EXPECT_EQ(exit_code_for(client_error::from_response(403, "access_denied", "无权操作")), 6);
    EXPECT_EQ(exit_code_for(client_error::from_response(503, "server_busy", "忙", {}, nullptr, 1)), 8);
}

TEST(exit_codes, help_lists_every_code) {
    const std::string help = exit_codes_help();
    for (const char* code : {"  0 ", "  2 ", "  3 ", "  4 ", "  5 ", "  6 ", "  7 ", "  8 ", "  9 "})
        EXPECT_NE(help.find(code), std::string::npos) << code;
}
