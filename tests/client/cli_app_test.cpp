// township-client end to end without a server: flags, settings, the local check before sending, exit codes.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "client/cli_app.hpp"
#include "client/session_store.hpp"
#include "common/household_json.hpp"
#include "test_data/sample_household.hpp"

namespace fs = std::filesystem;
using namespace fupin::client;

namespace {

struct cli_result {
    int code;
    std::string out;
    std::string err;
};

class cli : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("fupin_cli_test_" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        ::setenv("HOME", dir_.c_str(), 1);  // no ~/.config/fupin/township-client.conf here
        ::unsetenv("FUPIN_CLIENT_CONFIG");
    }
    void TearDown() override { fs::remove_all(dir_); }

    cli_result run(std::vector<std::string> args, const std::string& stdin_text = {}) {
        args.insert(args.begin(), "township-client");
        std::vector<const char*> argv;
        for (const auto& a : args) argv.push_back(a.c_str());
        std::istringstream in(stdin_text);
        std::ostringstream out, err;
        const int code = run_township_client(static_cast<int>(argv.size()), argv.data(), in, out, err);
        return {code, out.str(), err.str()};
    }

    std::string write(const std::string& name, const std::string& text) {
        const auto path = dir_ / name;
        std::ofstream(path) << text;
        return path.string();
    }

    // Settings that pass the checks but point at files that do not exist: a command that got as far as
    // opening a connection would fail with exit 2 ("cannot load the county CA").
    std::vector<std::string> with_settings(std::vector<std::string> args) {
        std::vector<std::string> all{"--server", "127.0.0.1:1", "--ca", (dir_ / "no-ca.crt").string(), "--cert",
                                     (dir_ / "no.crt").string(), "--key", (dir_ / "no.key").string()};
        all.insert(all.end(), args.begin(), args.end());
        return all;
    }

    fs::path dir_;
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_F(cli, without_a_command_is_a_usage_error) {
    EXPECT_EQ(run({}).code, 2);
    EXPECT_EQ(run({"household"}).code, 2);
    EXPECT_EQ(run({"--frobnicate", "health"}).code, 2);
    EXPECT_EQ(run({"--lang", "fr", "health"}).code, 2);
    EXPECT_EQ(run({"household", "show", "abc"}).code, 2);
    EXPECT_EQ(run({"household", "list", "--page-size", "500"}).code, 2);
}

TEST_F(cli, help_documents_the_exit_codes) {
    const auto r = run({"--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_TRUE(has(r.out, "Exit codes")) << r.out;
    EXPECT_TRUE(has(r.out, "7  server unreachable")) << r.out;
    EXPECT_TRUE(has(r.out, "9  not logged in or session expired")) << r.out;
    EXPECT_TRUE(has(r.out, "whoami")) << r.out;
    EXPECT_TRUE(has(r.out, "household")) << r.out;
}

TEST_F(cli, a_named_config_file_must_exist) {
    const auto r = run({"--config", (dir_ / "missing.conf").string(), "health"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err, "设置有误")) << r.err;
    EXPECT_TRUE(has(r.err, "missing.conf")) << r.err;
}

TEST_F(cli, missing_settings_are_named) {
    const auto r = run({"health"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err, "server")) << r.err;
}

TEST_F(cli, config_from_the_environment_variable) {
    ::setenv("FUPIN_CLIENT_CONFIG", write("c.conf", "server = nope\n").c_str(), 1);
    const auto r = run({"--lang", "en", "health"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err, "Settings error")) << r.err;
}

TEST_F(cli, unreadable_household_file_is_a_usage_error) {
    const auto r = run(with_settings({"household", "create", (dir_ / "nope.json").string()}));
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(has(r.err, "无法读取文件")) << r.err;
}

TEST_F(cli, a_file_that_is_not_json_is_refused) {
    const auto r = run(with_settings({"household", "create", write("h.json", "{not json")}));
    EXPECT_EQ(r.code, 3);
    EXPECT_TRUE(has(r.err, "JSON")) << r.err;
}

TEST_F(cli, an_unknown_field_is_refused_before_sending) {
    auto json = fupin::common::to_json(fupin::test_data::stored_sample_household());
    json["colour"] = "red";
    const auto r = run(with_settings({"household", "create", write("h.json", json.dump())}));
    EXPECT_EQ(r.code, 3);
    EXPECT_TRUE(has(r.err, "colour")) << r.err;
}

TEST_F(cli, local_validation_failure_exits_3_without_connecting) {
    auto h = fupin::test_data::stored_sample_household();
    h.members[0].id_number[17] = h.members[0].id_number[17] == '1' ? '2' : '1';  // wrong check digit
    h.address.clear();
    const auto r = run(with_settings({"household", "create", write("h.json", fupin::common::to_json(h).dump())}));
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_TRUE(has(r.err, "本地检查未通过")) << r.err;
    EXPECT_TRUE(has(r.err, "共 2 处问题")) << r.err;
    EXPECT_TRUE(has(r.err, "members[0].id_number")) << r.err;
    EXPECT_TRUE(has(r.err, "address")) << r.err;
    EXPECT_FALSE(has(r.err, "设置有误")) << r.err;  // never got as far as loading certificates
}

TEST_F(cli, reads_the_household_from_stdin) {
    auto h = fupin::test_data::stored_sample_household();
    h.address.clear();
    const auto r = run(with_settings({"--lang", "en", "household", "create", "-"}), fupin::common::to_json(h).dump());
    EXPECT_EQ(r.code, 3);
    EXPECT_TRUE(has(r.err, "local check")) << r.err;
}

TEST_F(cli, update_needs_the_version) {
    auto h = fupin::test_data::stored_sample_household();
    h.version = 0;
    const auto r = run(with_settings({"household", "update", "12", write("h.json", fupin::common::to_json(h).dump())}));
    EXPECT_EQ(r.code, 3);
    EXPECT_TRUE(has(r.err, "version")) << r.err;
}

TEST_F(cli, a_valid_household_gets_as_far_as_the_certificates) {
    const auto r = run(with_settings({"household", "create", write("h.json", fupin::common::to_json(fupin::test_data::stored_sample_household()).dump())}));
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_TRUE(has(r.err, "no-ca.crt")) << r.err;
}

// With real certificates (made by certs/make-certs) and nothing listening: exit 7.
TEST_F(cli, unreachable_server_exits_7) {
    const auto areas = write("areas.json",
                             "{\"code\":\"529901\",\"parent_code\":\"\",\"level\":\"county\",\"name\":\"测试县\"}\n"
                             "{\"code\":\"529901101\",\"parent_code\":\"529901\",\"level\":\"township\",\"name\":\"石门镇\"}\n");
    const auto certs = dir_ / "certs";
    const std::string command = std::string(FUPIN_SOURCE_DIR) + "/certs/make-certs --out '" + certs.string() +
                                "' --areas '" + areas + "' >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << "certs/make-certs failed: " << command;
    const auto conf = write("client.conf", "server = 127.0.0.1:1\nca = certs/ca.crt\ncert = certs/townships/529901101.crt\n"
                                           "key = certs/townships/529901101.key\ntimeout = 5\n");
    const auto r = run({"--config", conf, "health"});
    EXPECT_EQ(r.code, 7) << r.err;
    EXPECT_TRUE(has(r.err, "无法连接县服务器")) << r.err;

    // A create that fails this way tells how to retry without making a second record. (It needs a login to
    // get as far as the network; the cached one here was never issued, but nothing listens to say so.)
    const session_store store(dir_ / "session.json");
    store.save({"127.0.0.1:1", "never-issued", "shimen_clerk", ""});
    const auto c = run({"--config", conf, "--session-file", store.path().string(), "household", "create",
                        write("h.json", fupin::common::to_json(fupin::test_data::stored_sample_household()).dump())});
    EXPECT_EQ(c.code, 7) << c.err;
    EXPECT_TRUE(has(c.err, "--idempotency-key")) << c.err;
}
