// database_url: the formats we accept, and that the password never shows in errors or logs.
#include <gtest/gtest.h>

#include <stdexcept>

#include "server/sql/database_url.hpp"

namespace fupin::server::sql {
namespace {

TEST(database_url, sqlite_path) {
    const auto u = database_url::parse("sqlite:/var/lib/fupin/archive.db");
    EXPECT_EQ(u.backend, database_url::kind::sqlite);
    EXPECT_EQ(u.sqlite_path, "/var/lib/fupin/archive.db");
    EXPECT_EQ(u.redacted(), "sqlite:/var/lib/fupin/archive.db");
    EXPECT_EQ(database_url::parse("sqlite:relative.db").sqlite_path, "relative.db");
}

TEST(database_url, mysql_tcp_with_percent_encoded_password) {
    const auto u = database_url::parse("mysql://fupin:p%40ss%3Aw%2Frd@db.example.cn:3307/fupin_archive");
    EXPECT_EQ(u.backend, database_url::kind::mysql);
    EXPECT_EQ(u.mysql.user, "fupin");
    EXPECT_EQ(u.mysql.password, "p@ss:w/rd");
    EXPECT_EQ(u.mysql.host, "db.example.cn");
    EXPECT_EQ(u.mysql.port, 3307);
    EXPECT_EQ(u.mysql.database, "fupin_archive");
    EXPECT_TRUE(u.mysql.socket.empty());
    EXPECT_EQ(u.redacted(), "mysql://fupin:***@db.example.cn:3307/fupin_archive");
    EXPECT_EQ(database_url::parse("mysql://u:p@h/d").mysql.port, 3306);
}

TEST(database_url, mysql_socket_without_password) {
    const auto u = database_url::parse("mysql://root@localhost/fupin_test?socket=/tmp/my%20db/mysql.sock");
    EXPECT_EQ(u.mysql.user, "root");
    EXPECT_EQ(u.mysql.password, "");
    EXPECT_EQ(u.mysql.socket, "/tmp/my db/mysql.sock");
    EXPECT_EQ(u.mysql.database, "fupin_test");
    EXPECT_EQ(u.redacted(), "mysql://root@localhost/fupin_test?socket=/tmp/my db/mysql.sock");
}

TEST(database_url, mysql_timeout) {
    EXPECT_EQ(database_url::parse("mysql://u@db.example/x").mysql.timeout_s, 10);
    const auto u = database_url::parse("mysql://root@localhost/x?socket=/run/m.sock&timeout=3");
    EXPECT_EQ(u.mysql.timeout_s, 3);
    EXPECT_EQ(u.mysql.socket, "/run/m.sock");
    EXPECT_EQ(u.redacted(), "mysql://root@localhost/x?socket=/run/m.sock&timeout=3");
    EXPECT_EQ(database_url::parse("mysql://u@h/x?timeout=300").mysql.timeout_s, 300);
    for (const auto* bad : {"mysql://u@h/x?timeout=0", "mysql://u@h/x?timeout=301", "mysql://u@h/x?timeout=",
                            "mysql://u@h/x?timeout=5s", "mysql://u@h/x?timeout=-1"})
        EXPECT_THROW(database_url::parse(bad), std::invalid_argument) << bad;
    // Migrations and the operator's subcommands wait longer for one statement, never longer to connect.
    const auto maintenance = u.for_maintenance();
    EXPECT_EQ(maintenance.mysql.timeout_s, 3);
    EXPECT_EQ(maintenance.mysql.statement_timeout_s, 3600);
    EXPECT_EQ(u.mysql.statement_timeout_s, 0);
}

TEST(database_url, invalid_urls_are_refused_without_echoing_the_password) {
    const char* secret = "S3cretPw";
    for (const std::string bad : {
             "", "sqlite:", "postgres://u:S3cretPw@h/d", "mysql://", "mysql://u:S3cretPw@h",
             "mysql://u:S3cretPw@h:0/d", "mysql://u:S3cretPw@h:99999/d", "mysql://u:S3cretPw@h:33x/d",
             "mysql://:S3cretPw@h/d", "mysql://u:S3cretPw@/d", "mysql://u:S3cretPw@h/", "mysql://u:S3cretPw@h/d;drop",
             "mysql://u:S3cretPw%zz@h/d", "mysql://u:S3cretPw@h/d?sock=/x", "mysql://u:S3cretPw@h/d?socket=rel",
             "mysql://u:S3cretPw@db.example.cn/d?socket=/x.sock", "mysql://u:S3cret/Pw@h/d", "mysql://u:S3cretPw%4@h/d"}) {
        try {
            database_url::parse(bad);
            ADD_FAILURE() << "accepted: " << bad;
        } catch (const std::invalid_argument& e) {
            EXPECT_EQ(std::string(e.what()).find(secret), std::string::npos) << e.what();
            EXPECT_EQ(std::string(e.what()).find("S3cret"), std::string::npos) << e.what();
        }
    }
}

TEST(database_url, connect_refuses_a_bad_url_before_touching_anything) {
    EXPECT_THROW(connect("mysql://u:pw@h"), std::invalid_argument);
}

}  // namespace
}  // namespace fupin::server::sql
