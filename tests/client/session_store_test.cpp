// The login cache: only its owner may read it, a file others can read is refused, and it round-trips.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "client/session_store.hpp"

namespace fs = std::filesystem;
using namespace fupin::client;

namespace {

class session_store_test : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("fupin_session_store_test_" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    static unsigned mode_of(const fs::path& p) {
        struct stat st {};
        EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
        return st.st_mode & 07777;
    }

    const cached_session sample{"county.example.cn:8443", "0123456789abcdef0123456789abcdef", "shimen_clerk",
                                "2026-11-29T22:00:00.000Z"};
    fs::path dir_;
};

}  // namespace

TEST_F(session_store_test, round_trip_in_a_private_file_and_directory) {
    const session_store store(dir_ / "state" / "fupin" / "session.json");
    EXPECT_FALSE(store.load().has_value());
    store.save(sample);
    EXPECT_EQ(mode_of(store.path()), 0600u);
    EXPECT_EQ(mode_of(dir_ / "state" / "fupin"), 0700u);
    EXPECT_EQ(mode_of(dir_ / "state"), 0700u);
    const auto loaded = store.load();
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->server, sample.server);
    EXPECT_EQ(loaded->token, sample.token);
    EXPECT_EQ(loaded->username, sample.username);
    EXPECT_EQ(loaded->expires_at, sample.expires_at);
    // No temporary file is left beside it.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "state" / "fupin"), fs::directory_iterator()), 1);
}

TEST_F(session_store_test, mode_is_0600_whatever_the_umask) {
    const auto old = ::umask(0);
    const session_store store(dir_ / "session.json");
    store.save(sample);
    ::umask(old);
    EXPECT_EQ(mode_of(store.path()), 0600u);
}

TEST_F(session_store_test, a_file_others_can_read_is_refused) {
    const session_store store(dir_ / "session.json");
    for (const unsigned mode : {0644u, 0640u, 0604u, 0660u}) {
        store.save(sample);
        ASSERT_EQ(::chmod(store.path().c_str(), mode), 0);
        try {
            store.load();
            ADD_FAILURE() << "mode " << std::oct << mode << " was accepted";
        } catch (const session_store_error& e) {
            EXPECT_TRUE(e.insecure()) << e.what();
            EXPECT_NE(std::string(e.what()).find("0600"), std::string::npos) << e.what();
        }
    }
}

TEST_F(session_store_test, saving_replaces_a_loose_file_with_a_private_one) {
    const auto path = dir_ / "session.json";
    std::ofstream(path) << "{}";
    ASSERT_EQ(::chmod(path.c_str(), 0666), 0);
    const session_store store(path);
    store.save(sample);
    EXPECT_EQ(mode_of(path), 0600u);
    EXPECT_EQ(store.load()->token, sample.token);
}

TEST_F(session_store_test, a_symbolic_link_is_refused) {
    const session_store real(dir_ / "real.json");
    real.save(sample);
    fs::create_symlink(dir_ / "real.json", dir_ / "link.json");
    try {
        session_store(dir_ / "link.json").load();
        FAIL() << "a symlink was followed";
    } catch (const session_store_error& e) {
        EXPECT_TRUE(e.insecure()) << e.what();
    }
}

TEST_F(session_store_test, a_file_that_is_not_a_session_is_an_error_but_not_insecure) {
    const auto path = dir_ / "session.json";
    std::ofstream(path) << "not json";
    ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
    try {
        session_store(path).load();
        FAIL() << "garbage was accepted";
    } catch (const session_store_error& e) {
        EXPECT_FALSE(e.insecure()) << e.what();
    }
}

TEST_F(session_store_test, remove_deletes_the_file) {
    const session_store store(dir_ / "session.json");
    store.save(sample);
    EXPECT_TRUE(store.remove());
    EXPECT_FALSE(fs::exists(store.path()));
    EXPECT_FALSE(store.load().has_value());
    EXPECT_FALSE(store.remove());
}

TEST_F(session_store_test, default_path_is_per_server_under_the_state_directory) {
    // Put HOME and XDG_STATE_HOME back afterwards: other tests of this binary read them.
    struct restore_env {
        std::optional<std::string> home = get("HOME"), state = get("XDG_STATE_HOME");
        static std::optional<std::string> get(const char* name) {
            const char* v = std::getenv(name);
            return v ? std::optional<std::string>(v) : std::nullopt;
        }
        static void put(const char* name, const std::optional<std::string>& v) {
            if (v) ::setenv(name, v->c_str(), 1);
            else ::unsetenv(name);
        }
        ~restore_env() {
            put("HOME", home);
            put("XDG_STATE_HOME", state);
        }
    } restore;
    ::setenv("XDG_STATE_HOME", "/var/state-x", 1);
    EXPECT_EQ(session_store::default_path("county.example.cn:8443"),
              fs::path("/var/state-x/fupin/session-county.example.cn_8443.json"));
    EXPECT_EQ(session_store::default_path("[::1]:8443").filename(), "session-___1__8443.json");
    ::setenv("XDG_STATE_HOME", "relative/ignored", 1);
    ::setenv("HOME", "/home/clerk", 1);
    EXPECT_EQ(session_store::default_path("127.0.0.1:8443"),
              fs::path("/home/clerk/.local/state/fupin/session-127.0.0.1_8443.json"));
    ::unsetenv("XDG_STATE_HOME");
    EXPECT_EQ(session_store::default_path("127.0.0.1:8443"),
              fs::path("/home/clerk/.local/state/fupin/session-127.0.0.1_8443.json"));
}
