// The SQLite archive on a file system that fills up (a small tmpfs): creates are refused with 507 storage_full
// and write nothing, the server lives on, and once room is made it stores them again without a restart. The
// archive stays whole: PRAGMA integrity_check, the audit chain, one row per answered create. Mounting needs
// root (scripts/test and CI run as root); elsewhere the test skips and says why.
#include <signal.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "common/household_json.hpp"
#include "server/cli/audit_commands.hpp"
#include "server/sql/database_url.hpp"
#include "test_archive.hpp"

namespace fupin::test {
namespace {

namespace fs = std::filesystem;

class disk_full : public archive_test {
protected:
    void SetUp() override {
        unmount_what_dead_runs_left();
        std::string folder = "/tmp/fupin-full-" + std::to_string(::getpid()) + "-XXXXXX";
        ASSERT_NE(::mkdtemp(folder.data()), nullptr);
        folder_ = folder;
        if (::mount("tmpfs", folder_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=8m,mode=0700") != 0) {
            const int error = errno;
            fs::remove(folder_);
            folder_.clear();
            GTEST_SKIP() << "cannot mount a small tmpfs (" << std::strerror(error) << "): run as root to test a full disk";
        }
        archive_test::SetUp();
    }
    void TearDown() override {
        if (folder_.empty()) return;
        archive_test::TearDown();
        ::umount2(folder_.c_str(), MNT_DETACH);
        fs::remove(folder_);
    }
    std::string database_place() const override { return folder_; }

    // A run killed mid-test (a crash, ctest's timeout) leaves its tmpfs mounted: the folder names its process.
    static void unmount_what_dead_runs_left() {
        std::ifstream mounts("/proc/self/mounts");
        std::string device, point, rest;
        const std::string prefix = "/tmp/fupin-full-";
        while (mounts >> device >> point && std::getline(mounts, rest)) {
            if (point.compare(0, prefix.size(), prefix) != 0) continue;
            const auto pid = std::atoi(point.c_str() + prefix.size());
            if (pid <= 0 || ::kill(pid, 0) == 0) continue;  // its run is alive
            ::umount2(point.c_str(), MNT_DETACH);
            std::error_code ignored;
            fs::remove_all(point, ignored);
        }
    }

    // Takes every free byte of the file system with one file.
    void fill_the_disk() {
        std::ofstream filler(filler_path(), std::ios::binary);
        const std::string block(64 * 1024, 'x');
        while (filler.write(block.data(), static_cast<std::streamsize>(block.size())) && filler.flush()) {
        }
        // The last block may have gone in part: the file system is full either way.
    }
    fs::path filler_path() const { return fs::path(folder_) / "filler"; }

    client::http_result create(client::api_client& client, int seed) {
        return client.request(client::http_method::post, "/api/v1/households",
                              common::to_json(test_data::sample_household({.group = group_a, .seed = seed})).dump(),
                              {{"Idempotency-Key", "full-" + std::to_string(seed)}});
    }

    std::string folder_;
};

TEST_P(disk_full, creates_get_507_and_write_nothing_and_the_archive_stays_whole) {
    auto client = client_for(township_a);
    long long stored = 0;
    for (int seed = 0; seed < 5; ++seed) stored += create(client, seed).status == 201;
    ASSERT_EQ(stored, 5);

    fill_the_disk();
    // Free pages in the database and its write-ahead log may take a few more files; then a create is refused.
    int refused_seed = -1;
    for (int seed = 5; seed < 1000 && refused_seed < 0; ++seed) {
        const auto answer = create(client, seed);
        if (answer.status == 201) {
            ++stored;
            continue;
        }
        ASSERT_EQ(answer.status, 507) << answer.body;
        EXPECT_EQ(nlohmann::json::parse(answer.body)["error"]["code"], "storage_full");
        EXPECT_EQ(answer.body.find("sqlite"), std::string::npos) << "the database's own message leaked";
        refused_seed = seed;
    }
    ASSERT_GE(refused_seed, 0) << "the full disk refused nothing";
    std::printf("[ measured ] %d creates stored after the disk filled, then 507 storage_full\n",
                refused_seed - 5);
    // Reading still works on a full disk, also when the session is due to have its last use written (skipped).
    EXPECT_EQ(client.request(client::http_method::get, "/api/v1/households").status, 200);
    *clock_offset_ms_ += 31'000;
    EXPECT_EQ(client.request(client::http_method::get, "/api/v1/households").status, 200);
    EXPECT_EQ(count_rows("households"), stored) << "a refused create left rows behind";

    // Room is made: the refused create is sent again with its key and stored, by the same server.
    fs::remove(filler_path());
    const auto again = create(client, refused_seed);
    EXPECT_EQ(again.status, 201) << again.body;
    stored += again.status == 201;

    EXPECT_EQ(count_rows("households"), stored);
    EXPECT_EQ(count_rows("idempotency_keys"), stored);
    auto db = server::sql::connect(database_->url());
    EXPECT_EQ(db->query("PRAGMA integrity_check").at(0).get_string(0), "ok");
    EXPECT_EQ(server::audit_verify_command(database_->url()), 0);
}

INSTANTIATE_TEST_SUITE_P(backends, disk_full, ::testing::Values("sqlite"), backend_name);

}  // namespace
}  // namespace fupin::test
