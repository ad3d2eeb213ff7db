// The restore drill (docs/operations.md, "Backups and restore"): township clerks keep creating households while the
// archive is backed up and afterwards; the backup is restored into a new archive. Every household acknowledged
// before the backup began is in it, the audit trail verifies, and the audit and change-feed heads agree with their
// last rows. SQLite: `county-server backup` and `county-server restore`. MariaDB: scripts/backup-mariadb
// (mariadb-backup, hot) and scripts/restore-mariadb into a new data folder, served by a second mariadbd.
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <thread>

#include "server/cli/audit_commands.hpp"
#include "server/cli/backup_commands.hpp"
#include "server/sql/connection.hpp"
#include "server/sql/database_url.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

using clock_type = std::chrono::steady_clock;
using server::audit_verify_command;
using server::backup_command;
using server::restore_command;

// Runs a shell command; its exit code.
int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class restore_drill : public archive_test {
protected:
    void TearDown() override {
        if (!restored_socket_.empty())  // the second mariadbd, serving the restored folder
            run("mariadb-admin --no-defaults -uroot --socket=" + restored_socket_ + " shutdown >/dev/null 2>&1");
        if (!folder_.empty()) std::filesystem::remove_all(folder_);
        archive_test::TearDown();
    }

    // Backs the archive up into `folder`; true when written.
    bool back_up(const std::filesystem::path& folder) {
        if (GetParam() == "sqlite") return backup_command(database_->url(), (folder / "archive.backup").string()) == 0;
        const auto url = server::sql::database_url::parse(database_->url());
        return run(std::string(FUPIN_SOURCE_DIR) + "/scripts/backup-mariadb --to " + (folder / "backup").string() +
                   " --socket=" + url.mysql.socket + " --user=root >/dev/null") == 0;
    }

    // Restores the backup into a new archive; its URL, or "" when the restore failed.
    std::string restore(const std::filesystem::path& folder) {
        if (GetParam() == "sqlite") {
            const auto url = "sqlite:" + (folder / "restored.db").string();
            return restore_command(url, (folder / "archive.backup").string()) == 0 ? url : "";
        }
        const auto data = folder / "restored-data";
        if (run(std::string(FUPIN_SOURCE_DIR) + "/scripts/restore-mariadb --from " + (folder / "backup").string() +
                " --datadir " + data.string() + " >/dev/null") != 0)
            return "";
        restored_socket_ = (folder / "r.sock").string();
        if (run("setsid mariadbd --no-defaults --user=root --datadir=" + data.string() + " --socket=" +
                restored_socket_ + " --skip-networking --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci"
                " --pid-file=" + (folder / "r.pid").string() + " --log-error=" +
                (folder / "r.err").string() + " --innodb-buffer-pool-size=64M </dev/null >/dev/null 2>&1 &") != 0)
            return "";
        const auto url = "mysql://root@localhost/" + server::sql::database_url::parse(database_->url()).mysql.database +
                         "?socket=" + restored_socket_;
        for (int i = 0; i < 300; ++i) {  // ready in well under a second; 30 s at most
            try {
                server::sql::connect(url);
                return url;
            } catch (const std::exception&) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }
        return "";
    }

    std::filesystem::path folder_;  // the backups and restored archives of the test
    std::string restored_socket_;
};

TEST_P(restore_drill, every_write_acknowledged_before_the_backup_is_in_the_restored_archive) {
    const auto folder = folder_ = run_folder() / ("drill-" + std::to_string(::getpid()) + "-" + GetParam());
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);

    // Two townships' clerks, each creating households as fast as they are answered.
    struct acknowledged {
        std::int64_t id;
        clock_type::time_point at;
    };
    std::mutex lock;
    std::vector<acknowledged> acks;
    std::atomic<bool> stop{false};
    std::atomic<int> failures{0};
    std::vector<client::api_client> clients;
    clients.push_back(client_as("clerk_a"));
    clients.push_back(client_as("clerk_b"));
    std::vector<std::thread> writers;
    for (std::size_t w = 0; w < clients.size(); ++w)
        writers.emplace_back([&, w] {
            const auto group = w == 0 ? group_a : group_b;
            for (int i = 0; !stop; ++i) {
                try {
                    const auto h = clients[w].create_household(
                        test_data::sample_household({.group = group, .seed = static_cast<int>(1000 * (w + 1)) + i}), "");
                    const auto now = clock_type::now();
                    std::lock_guard guard(lock);
                    acks.push_back({h.id, now});
                } catch (const std::exception&) {
                    ++failures;
                }
            }
        });
    const auto acknowledged_count = [&] {
        std::lock_guard guard(lock);
        return acks.size();
    };
    const auto wait_for = [&](std::size_t n) {
        const auto deadline = clock_type::now() + std::chrono::seconds(60);
        while (acknowledged_count() < n && clock_type::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    };
    wait_for(40);
    const auto backup_started = clock_type::now();
    ASSERT_TRUE(back_up(folder));
    const auto written_during = acknowledged_count();
    wait_for(written_during + 40);  // more writes after the backup, which it must not hold
    stop = true;
    for (auto& t : writers) t.join();
    EXPECT_EQ(failures.load(), 0) << "the backup held no writer up past its busy timeout";

    const auto restored_url = restore(folder);
    ASSERT_FALSE(restored_url.empty());
    EXPECT_EQ(audit_verify_command(restored_url), 0);
    auto restored = server::sql::connect(restored_url);
    std::size_t before = 0;
    for (const auto& a : acks) {
        if (a.at >= backup_started) continue;
        ++before;
        EXPECT_EQ(restored->query("SELECT id FROM households WHERE id = ?", {a.id}).size(), 1u)
            << "household " << a.id << " was acknowledged before the backup began";
    }
    EXPECT_GE(before, 40u);
    const auto in_backup = restored->query("SELECT COUNT(*) FROM households").at(0).get_int64(0);
    EXPECT_LT(in_backup, static_cast<std::int64_t>(acks.size())) << "the writes after the backup are not in it";
    // The heads name the last row: the next entry chains on, the feed continues without a gap.
    const auto heads = restored->query(
        "SELECT (SELECT last_seq FROM audit_head WHERE id = 1), (SELECT MAX(seq) FROM audit_log), "
        "(SELECT last_seq FROM event_head WHERE id = 1), (SELECT MAX(seq) FROM events)");
    EXPECT_EQ(heads.at(0).get_int64(0), heads.at(0).get_int64(1));
    EXPECT_EQ(heads.at(0).get_int64(2), heads.at(0).get_int64(3));
    // Each household restored came with its creation's audit entry and event (one transaction each).
    EXPECT_EQ(restored->query("SELECT COUNT(*) FROM audit_log WHERE action = 'household.create'").at(0).get_int64(0),
              in_backup);
    EXPECT_EQ(restored->query("SELECT COUNT(*) FROM events WHERE kind = 'household.created'").at(0).get_int64(0),
              in_backup);
    restored.reset();

    // Neither overwrites: a backup to an existing file or folder, a restore over an archive.
    EXPECT_FALSE(back_up(folder));
    if (GetParam() == "sqlite") {
        EXPECT_TRUE(restore(folder).empty());
        // Nor into a name whose old -wal was left behind: it would be replayed onto the restored archive.
        const auto moved_away = folder / "moved.db";
        std::ofstream(moved_away.string() + "-wal") << "the old archive's last writes";
        EXPECT_NE(restore_command("sqlite:" + moved_away.string(), (folder / "archive.backup").string()), 0);
        EXPECT_FALSE(std::filesystem::exists(moved_away));
        EXPECT_TRUE(std::filesystem::exists(moved_away.string() + "-wal")) << "left as it was";
    }
    else EXPECT_NE(run(std::string(FUPIN_SOURCE_DIR) + "/scripts/restore-mariadb --from " + (folder / "backup").string() +
                       " --datadir " + (folder / "restored-data").string() + " 2>/dev/null"), 0);
}

// The SQLite archive is what these commands copy; a MariaDB URL is told to use mariadb-backup.
TEST(backup_commands, a_mariadb_archive_is_sent_to_mariadb_backup) {
    EXPECT_EQ(backup_command("mysql://root@localhost/fupin?socket=/nonexistent.sock", "/tmp/never-written"), 1);
    EXPECT_FALSE(std::filesystem::exists("/tmp/never-written"));
}

INSTANTIATE_TEST_SUITE_P(backends, restore_drill, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
