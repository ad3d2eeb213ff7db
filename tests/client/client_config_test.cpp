#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "client/client_config.hpp"

namespace fs = std::filesystem;
using namespace fupin::client;
using fupin::common::language;

TEST(client_config, reads_keys_quotes_and_comments) {
    const auto config = parse_client_config(R"(# township office of 石门镇
[client]
server  = "county.example.cn:8443"   # the county
ca      = '/etc/fupin/ca.crt'
cert    = /etc/fupin/529901101.crt
key     = "/etc/fupin/529901101.key"
lang    = en
timeout = 12
)",
                                            "/etc/fupin");
    EXPECT_EQ(config.server, "county.example.cn:8443");
    EXPECT_EQ(config.ca, "/etc/fupin/ca.crt");
    EXPECT_EQ(config.certificate, "/etc/fupin/529901101.crt");
    EXPECT_EQ(config.private_key, "/etc/fupin/529901101.key");
    EXPECT_EQ(config.lang, language::en);
    EXPECT_EQ(config.timeout_seconds, 12);
}

TEST(client_config, defaults_are_chinese_and_thirty_seconds) {
    const auto config = parse_client_config("server = h:1\n", "/x");
    EXPECT_EQ(config.lang, language::zh);
    EXPECT_EQ(config.timeout_seconds, 30);
}

TEST(client_config, relative_paths_resolve_against_the_config_directory) {
    const auto config = parse_client_config("ca = certs/ca.crt\ncert = ../t/a.crt\nkey = \"a b/k.key\"\n", "/etc/fupin");
    EXPECT_EQ(config.ca, "/etc/fupin/certs/ca.crt");
    EXPECT_EQ(config.certificate, "/etc/t/a.crt");
    EXPECT_EQ(config.private_key, "/etc/fupin/a b/k.key");
}

TEST(client_config, load_resolves_against_the_file_not_the_working_directory) {
    const fs::path dir = fs::temp_directory_path() / ("fupin_client_config_" + std::to_string(::getpid()));
    fs::create_directories(dir / "conf");
    const fs::path file = dir / "conf" / "township-client.conf";
    std::ofstream(file) << "server = 127.0.0.1:8443\nca = ca.crt\ncert = certs/t.crt\nkey = certs/t.key\n";
    const auto config = load_client_config(file);
    EXPECT_EQ(config.ca, (dir / "conf" / "ca.crt").string());
    EXPECT_EQ(config.certificate, (dir / "conf" / "certs" / "t.crt").string());
    fs::remove_all(dir);
}

TEST(client_config, unknown_key_and_bad_values_name_the_file_and_key) {
    try {
        parse_client_config("server = h:1\nsevrer = h:2\n", "/x", "my.conf");
        FAIL() << "no error";
    } catch (const config_error& e) {
        EXPECT_NE(std::string(e.what()).find("my.conf"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("sevrer"), std::string::npos) << e.what();
    }
    EXPECT_THROW(parse_client_config("lang = fr\n", "/x"), config_error);
    EXPECT_THROW(parse_client_config("timeout = 0\n", "/x"), config_error);
    EXPECT_THROW(parse_client_config("timeout = 5s\n", "/x"), config_error);
    EXPECT_THROW(parse_client_config("server\n", "/x"), config_error);
    EXPECT_THROW(parse_client_config("ca = \"unterminated\n", "/x"), config_error);
}

TEST(client_config, missing_file_is_a_config_error) {
    EXPECT_THROW(load_client_config("/nonexistent/fupin/township-client.conf"), config_error);
}

TEST(client_config, command_line_overrides_win) {
    auto config = parse_client_config("server = a:1\nca = /c/ca.crt\nlang = en\n", "/c");
    config_overrides o;
    o.server = "b:2";
    o.lang = "zh";
    o.timeout_seconds = 5;
    apply_overrides(config, o);
    EXPECT_EQ(config.server, "b:2");
    EXPECT_EQ(config.ca, "/c/ca.crt");  // not overridden
    EXPECT_EQ(config.lang, language::zh);
    EXPECT_EQ(config.timeout_seconds, 5);
    o.lang = "de";
    EXPECT_THROW(apply_overrides(config, o), config_error);
}

TEST(client_config, check_complete_names_what_is_missing) {
    client_config config;
    config.server = "h:1";
    config.ca = "ca";
    try {
        check_complete(config);
        FAIL() << "no error";
    } catch (const config_error& e) {
        EXPECT_NE(std::string(e.what()).find("cert"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("key"), std::string::npos);
    }
    config.certificate = "c";
    config.private_key = "k";
    EXPECT_NO_THROW(check_complete(config));
    config.server = "no-port";
    EXPECT_THROW(check_complete(config), config_error);
}

TEST(client_config, split_server) {
    EXPECT_EQ(split_server("localhost:8443").host, "localhost");
    EXPECT_EQ(split_server("localhost:8443").port, "8443");
    EXPECT_EQ(split_server("[::1]:443").host, "::1");
    EXPECT_EQ(split_server("[::1]:443").port, "443");
    EXPECT_THROW(split_server("localhost"), config_error);
    EXPECT_THROW(split_server(":8443"), config_error);
    EXPECT_THROW(split_server("h:0"), config_error);
    EXPECT_THROW(split_server("h:65536"), config_error);
    EXPECT_THROW(split_server("h:80x"), config_error);
    EXPECT_THROW(split_server("::1:443"), config_error);
}

TEST(client_config, default_path_follows_the_environment) {
    ::setenv("FUPIN_CLIENT_CONFIG", "/tmp/x.conf", 1);
    EXPECT_EQ(default_config_path(), fs::path("/tmp/x.conf"));
    ::unsetenv("FUPIN_CLIENT_CONFIG");
    ::setenv("HOME", "/home/clerk", 1);
    EXPECT_EQ(default_config_path(), fs::path("/home/clerk/.config/fupin/township-client.conf"));
}
