// township-client login / logout / whoami / user against the scripted server: what the clerk sees, the cache
// file, exit 9 with the Chinese "log in again" message when the session has ended, and that the token never
// appears in anything printed (every run() checks stdout and stderr).
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "client/cli_app.hpp"
#include "scripted_server.hpp"
#include "session_script.hpp"
#include "test_pki.hpp"

namespace fs = std::filesystem;
using namespace fupin::client;
using namespace fupin::client::test;

namespace {

struct cli_result {
    int code;
    std::string out;
    std::string err;
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class session_cli : public ::testing::Test {
protected:
    static fs::path suite_dir() {
        return fs::temp_directory_path() / ("fupin_session_cli_test_" + std::to_string(::getpid()));
    }
    static void SetUpTestSuite() { pki_ = new test_pki(suite_dir() / "pki"); }
    static void TearDownTestSuite() {
        fs::remove_all(suite_dir());
        delete pki_;
    }
    void SetUp() override {
        ASSERT_TRUE(pki_->ok()) << "certs/make-certs failed: these tests need its certificates";
        dir_ = suite_dir() / "home";
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        ::setenv("HOME", dir_.c_str(), 1);
        ::unsetenv("FUPIN_CLIENT_CONFIG");
        ::unsetenv("XDG_STATE_HOME");
        server_.emplace(pki_->server_context(), [this](const request<string_body>& r) { return script_(r); });
        cache_ = dir_ / "session.json";
    }

    // Runs township-client with the test's server, certificates and cache file; `password` (if any) is
    // offered on a pipe named by --password-fd.
    cli_result run(std::vector<std::string> args, const std::optional<std::string>& password = std::nullopt) {
        std::vector<std::string> all{"township-client", "--server", "127.0.0.1:" + server_->port(), "--ca",
                                     pki_->ca(), "--cert", pki_->certificate(), "--key", pki_->private_key(),
                                     "--timeout", "5", "--session-file", cache_.string()};
        all.insert(all.end(), args.begin(), args.end());
        int fds[2] = {-1, -1};
        if (password) {
            EXPECT_EQ(::pipe(fds), 0);
            EXPECT_EQ(::write(fds[1], password->data(), password->size()), static_cast<ssize_t>(password->size()));
            ::close(fds[1]);
            all.push_back("--password-fd");
            all.push_back(std::to_string(fds[0]));
        }
        std::vector<const char*> argv;
        for (const auto& a : all) argv.push_back(a.c_str());
        std::istringstream in;
        std::ostringstream out, err;
        const int code = run_township_client(static_cast<int>(argv.size()), argv.data(), in, out, err);
        if (fds[0] >= 0) ::close(fds[0]);
        cli_result r{code, out.str(), err.str()};
        // The token is a password for the next hours: no output may show it, nor a recognisable piece of it.
        const std::string token = session_script::token;
        for (const auto& piece : {token, token.substr(0, 16), token.substr(token.size() - 16)}) {
            EXPECT_FALSE(has(r.out, piece)) << "token on stdout: " << r.out;
            EXPECT_FALSE(has(r.err, piece)) << "token on stderr: " << r.err;
        }
        return r;
    }

    cli_result login() { return run({"login", "--user", session_script::username}, std::string(session_script::password) + "\n"); }

    static inline test_pki* pki_ = nullptr;
    fs::path dir_;
    fs::path cache_;
    session_script script_;
    std::optional<scripted_server> server_;
};

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return st.st_mode & 07777;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_F(session_cli, login_prints_who_and_until_when_and_caches_the_token_privately) {
    const auto r = login();
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "已登录：石门镇岩脚村信息员（村级信息员，岩脚村）")) << r.out;
    EXPECT_TRUE(has(r.out, "2026-11-30 06:00（北京时间）")) << r.out;  // 22:00 UTC is 06:00 the next day in Beijing
    EXPECT_TRUE(has(r.out, "30 分钟")) << r.out;
    ASSERT_TRUE(fs::exists(cache_));
    EXPECT_EQ(mode_of(cache_), 0600u);
    EXPECT_TRUE(has(read_file(cache_), session_script::token));
    EXPECT_EQ(script_.logins(), 1);
}

TEST_F(session_cli, whoami_sends_the_cached_token) {
    ASSERT_EQ(login().code, 0);
    const auto r = run({"whoami"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "shimen_clerk")) << r.out;
    EXPECT_TRUE(has(r.out, "村级信息员")) << r.out;
    EXPECT_TRUE(has(r.out, "岩脚村 (529901101201)")) << r.out;
    EXPECT_TRUE(has(r.out, "空闲超时于")) << r.out;
    EXPECT_EQ(server_->last_request()[fupin::transport::http::field::authorization],
              std::string("Bearer ") + session_script::token);

    const auto en = run({"--lang", "en", "whoami"});
    EXPECT_TRUE(has(en.out, "Village clerk")) << en.out;
    const auto json = run({"--json", "whoami"});
    EXPECT_EQ(nlohmann::json::parse(json.out).at("user").at("role"), "village_clerk");
}

TEST_F(session_cli, login_json_leaves_the_token_out) {
    const auto r = run({"--json", "login", "--user", session_script::username}, std::string(session_script::password));
    ASSERT_EQ(r.code, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_FALSE(json.contains("token"));
    EXPECT_EQ(json.at("user").at("username"), session_script::username);
}

TEST_F(session_cli, logout_ends_the_session_and_deletes_the_cache) {
    ASSERT_EQ(login().code, 0);
    const auto r = run({"logout"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "已退出登录")) << r.out;
    EXPECT_FALSE(fs::exists(cache_));
    EXPECT_FALSE(script_.alive());

    // Afterwards every command asks for a login, without bothering the server.
    const auto before = server_->requests().size();
    const auto w = run({"whoami"});
    EXPECT_EQ(w.code, 9);
    EXPECT_TRUE(has(w.err, "登录已过期或尚未登录，请先运行 township-client login 重新登录。")) << w.err;
    EXPECT_EQ(server_->requests().size(), before);
    EXPECT_EQ(run({"logout"}).code, 0);  // logging out twice is fine
}

TEST_F(session_cli, an_expired_session_exits_9_with_the_chinese_message_and_drops_the_cache) {
    ASSERT_EQ(login().code, 0);
    script_.expire();
    const auto r = run({"household", "show", "1"});
    EXPECT_EQ(r.code, 9) << r.err;
    EXPECT_TRUE(has(r.err, "登录已过期或尚未登录，请先运行 township-client login 重新登录。")) << r.err;
    EXPECT_TRUE(has(r.err, "session_expired")) << r.err;
    EXPECT_FALSE(fs::exists(cache_)) << "a stale cache must not be sent again";

    ASSERT_EQ(login().code, 0);
    script_.expire();
    const auto en = run({"--lang", "en", "whoami"});
    EXPECT_EQ(en.code, 9);
    EXPECT_TRUE(has(en.err, "run township-client login")) << en.err;
}

TEST_F(session_cli, logout_after_expiry_just_deletes_the_cache) {
    ASSERT_EQ(login().code, 0);
    script_.expire();
    const auto r = run({"logout"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_FALSE(fs::exists(cache_));
}

TEST_F(session_cli, refused_logins_are_explained) {
    const auto wrong = run({"login", "--user", session_script::username}, std::string("not the password\n"));
    EXPECT_EQ(wrong.code, 9);
    EXPECT_TRUE(has(wrong.err, "用户名或密码错误")) << wrong.err;
    EXPECT_TRUE(has(wrong.err, "本单位的电脑上登录")) << wrong.err;
    EXPECT_FALSE(fs::exists(cache_));

    script_.lock_logins();
    const auto locked = run({"login", "--user", session_script::username}, std::string(session_script::password));
    EXPECT_EQ(locked.code, 9);
    EXPECT_TRUE(has(locked.err, "请 10 分钟后再试")) << locked.err;
}

TEST_F(session_cli, a_cache_others_can_read_is_refused_and_deleted) {
    ASSERT_EQ(login().code, 0);
    ASSERT_EQ(::chmod(cache_.c_str(), 0644), 0);
    const auto before = server_->requests().size();
    const auto r = run({"whoami"});
    EXPECT_EQ(r.code, 9);
    EXPECT_TRUE(has(r.err, "不安全")) << r.err;
    EXPECT_FALSE(fs::exists(cache_));
    EXPECT_EQ(server_->requests().size(), before) << "the exposed token was sent";
}

TEST_F(session_cli, a_cache_of_another_server_is_not_sent) {
    ASSERT_EQ(login().code, 0);
    auto json = nlohmann::json::parse(read_file(cache_));
    json["server"] = "other.example.cn:8443";
    {
        std::ofstream(cache_) << json.dump();
    }
    const auto before = server_->requests().size();
    const auto r = run({"whoami"});
    EXPECT_EQ(r.code, 9);
    EXPECT_TRUE(has(r.err, "township-client login")) << r.err;
    EXPECT_EQ(server_->requests().size(), before) << "a token was sent to a server that did not issue it";
}

TEST_F(session_cli, user_add_sends_the_account_and_never_prints_the_password) {
    ASSERT_EQ(login().code, 0);
    const std::string password = "a new password 7";
    const auto r = run({"user", "add", "--username", "yanjiao_clerk", "--display-name", "岩脚村信息员", "--role",
                        "village_clerk", "--area", "529901101201"},
                       password + "\n");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "岩脚村信息员（村级信息员，石门镇）")) << r.out;
    EXPECT_FALSE(has(r.out + r.err, password));
    const auto body = nlohmann::json::parse(server_->last_request().body());
    EXPECT_EQ(body.at("role"), "village_clerk");
    EXPECT_EQ(body.at("area_code"), "529901101201");
    EXPECT_EQ(body.at("password"), password);

    EXPECT_EQ(run({"user", "add", "--username", "x", "--display-name", "x", "--role", "mayor", "--area", "1"}).code, 2);
    const auto list = run({"user", "list"});
    EXPECT_EQ(list.code, 0) << list.err;
    EXPECT_TRUE(has(list.out, "共 1 个用户")) << list.out;
}
