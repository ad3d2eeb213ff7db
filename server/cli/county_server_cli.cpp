#include "server/cli/county_server_cli.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "common/area_json.hpp"
#include "common/household_json.hpp"
#include "common/vocabulary.hpp"
#include "server/cli/admin_commands.hpp"
#include "server/cli/audit_commands.hpp"
#include "server/cli/backup_commands.hpp"
#include "server/cli/json_log_formatter.hpp"
#include "server/county_server.hpp"
#include "server/service/archive_import.hpp"
#include "server/sql/database_url.hpp"
#include "server/storage/migrate.hpp"

namespace fupin::server {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void parse_listen(const std::string& listen, server_config& config) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0) throw CLI::ValidationError("--listen", "expected HOST:PORT");
    config.listen_host = listen.substr(0, colon);
    if (config.listen_host.size() > 2 && config.listen_host.front() == '[') config.listen_host = config.listen_host.substr(1, config.listen_host.size() - 2);
    int port = 0;
    try {
        port = std::stoi(listen.substr(colon + 1));
    } catch (const std::exception&) {
        port = -1;
    }
    if (port < 0 || port > 65535) throw CLI::ValidationError("--listen", "the port must be 0-65535");
    config.listen_port = static_cast<unsigned short>(port);
}

std::unique_ptr<sql::connection> open_migrated(const std::string& url) {
    auto db = sql::connect(sql::database_url::parse(url).for_maintenance());
    storage::migrate(*db);
    return db;
}

int import_areas_command(const std::string& url, const std::string& file) {
    auto areas = common::parse_area_file(read_file(file));
    auto db = open_migrated(url);
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
    auto count = service::import_areas(*db, areas, now);
    spdlog::info("imported {} areas from {}", count, file);
    return 0;
}

int import_households_command(const std::string& url, const std::string& file) {
    auto json = nlohmann::json::parse(read_file(file));
    if (!json.is_array()) throw std::runtime_error(file + " is not a JSON array of household files");
    std::vector<common::household> files;
    for (std::size_t i = 0; i < json.size(); ++i) {
        try {
            files.push_back(common::household_from_json(json[i]));
        } catch (const common::api_error& e) {
            throw std::runtime_error(file + " [" + std::to_string(i) + "] " + e.field() + ": " +
                                     e.message(common::language::zh));
        }
    }
    auto db = open_migrated(url);
    // The county is the one area without a parent.
    auto county = db->query("SELECT code FROM areas WHERE level = 'county'");
    if (county.size() != 1) throw std::runtime_error("import the areas first (county-server areas import FILE)");
    service::household_service households([] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    });
    auto result = service::import_households(*db, households, county[0].get_string(0), files);
    spdlog::info("households from {}: {} created, {} already in the archive, {} refused", file, result.created,
                 result.already_present, result.refused.size());
    for (const auto& line : result.refused) spdlog::warn("refused {}", line);
    return result.refused.empty() ? 0 : 1;
}

}  // namespace

int run_county_server_cli(int argc, char** argv) {
    CLI::App app{"county-server: the county's poverty-alleviation household archive (扶贫对象建档立卡电子档案)"};
    app.set_config("--config", "", "read options from a config file (same keys as the flags, key = value)");
    app.get_formatter()->column_width(34);

    server_config config;
    std::string listen = "127.0.0.1:8443";
    std::string log_level = "info";
    app.add_option("--db", config.database_url, "sqlite:PATH, mysql://USER:PASS@HOST:PORT/DB or mysql://USER@localhost/DB?socket=PATH")
        ->capture_default_str();
    app.add_option("--listen", listen, "HOST:PORT to listen on")->capture_default_str();
    app.add_option("--tls-cert", config.tls_certificate, "server certificate chain (PEM)");
    app.add_option("--tls-key", config.tls_private_key, "server private key (PEM)");
    app.add_option("--client-ca", config.client_ca, "the county CA that signs township certificates (PEM)");
    app.add_option("--crl", config.crl, "the county CA's certificate revocation list (PEM)");
    app.add_option("--threads", config.network_threads, "network threads")->capture_default_str()->check(CLI::Range(1, 64));
    app.add_option("--db-workers", config.database_workers, "database worker threads (one connection each)")
        ->capture_default_str()->check(CLI::Range(1, 256));
    app.add_option("--db-queue", config.database_queue_limit, "database jobs that may wait before requests get 503")
        ->capture_default_str();
    app.add_option("--log-level", log_level, "trace, debug, info, warn, error")->capture_default_str();
    std::string log_format = "text";
    app.add_option("--log-format", log_format, "text, or json: one JSON object per line, for a log shipper")
        ->capture_default_str()->check(CLI::IsMember({"text", "json"}));
    int idle_minutes = static_cast<int>(config.session_idle_timeout.count());
    int lifetime_hours = static_cast<int>(config.session_lifetime.count() / 60);
    app.add_option("--session-idle-minutes", idle_minutes, "a session ends after this long without a request")
        ->capture_default_str()->check(CLI::Range(1, 24 * 60));
    app.add_option("--session-hours", lifetime_hours, "a session ends this long after its login")
        ->capture_default_str()->check(CLI::Range(1, 24 * 7));
    int session_cache_ms = static_cast<int>(config.session_cache_ttl.count());
    app.add_option("--session-cache-ms", session_cache_ms,
                   "how long a session look-up is reused (0: never); a logout or account change made through "
                   "another server process takes effect here within this")
        ->capture_default_str()->check(CLI::Range(0, 10000));
    app.add_option("--household-cache-files", config.household_cache_files,
                   "household files kept in memory for reads (0: none); a change made through another server "
                   "process is seen here within one feed poll")
        ->capture_default_str()->check(CLI::Range(0, 1'000'000));
    app.add_option("--feed-subscriptions-per-user", config.feed_subscriptions_per_user,
                   "change-feed subscriptions one user may hold")
        ->capture_default_str()->check(CLI::Range(1, 100000));
    int feed_poll_ms = static_cast<int>(config.feed_poll_interval.count());
    app.add_option("--feed-poll-ms", feed_poll_ms, "how often the outbox is read while anyone subscribes to the change "
                                                   "feed or household files are cached (other servers' changes arrive "
                                                   "within this)")
        ->capture_default_str()->check(CLI::Range(5, 5000));
    app.add_option("--lookup-limit", config.lookup_limit, "person lookups one user may make per window")
        ->capture_default_str()->check(CLI::Range(1, 10000));
    int lookup_window_seconds = static_cast<int>(config.lookup_window.count());
    app.add_option("--lookup-window-seconds", lookup_window_seconds, "the person lookup window")
        ->capture_default_str()->check(CLI::Range(1, 24 * 3600));

    // Hidden: for scripts/bench alone, to measure what writing creates together buys (docs/performance.md).
    app.add_flag("!--no-group-commit", config.group_commit)->group("");

    auto* areas = app.add_subcommand("areas", "the administrative tree");
    auto* areas_import = areas->add_subcommand("import", "load areas from a JSON area file (data/demo/areas.json)");
    std::string areas_file;
    areas_import->add_option("FILE", areas_file)->required()->check(CLI::ExistingFile);
    areas->require_subcommand(1);

    auto* households = app.add_subcommand("households", "household files");
    auto* households_import = households->add_subcommand("import", "load household files from a JSON array");
    std::string households_file;
    households_import->add_option("FILE", households_file)->required()->check(CLI::ExistingFile);
    households->require_subcommand(1);

    auto* migrate = app.add_subcommand("migrate", "bring the database schema up to date and exit");

    auto* admin = app.add_subcommand("admin", "accounts, on the database directly (the first administrator)");
    auto* admin_user = admin->add_subcommand("user", "user accounts");
    admin->require_subcommand(1);
    admin_user->require_subcommand(1);
    service::new_account account;
    auto* user_add = admin_user->add_subcommand("add", "make an account; the password is read from the terminal or stdin");
    user_add->add_option("--username", account.username)->required();
    user_add->add_option("--display-name", account.display_name)->required();
    user_add->add_option("--role", account.role, common::allowed_codes(common::vocabulary::roles))->required();
    user_add->add_option("--area", account.area_code, "the division code of the user's village, township or county")
        ->required();
    std::string target_user;
    auto* user_disable = admin_user->add_subcommand("disable", "disable an account and end its sessions");
    user_disable->add_option("USERNAME", target_user)->required();
    auto* user_enable = admin_user->add_subcommand("enable", "enable a disabled account");
    user_enable->add_option("USERNAME", target_user)->required();
    auto* user_reset = admin_user->add_subcommand("reset-password", "set a new password and end the user's sessions");
    user_reset->add_option("USERNAME", target_user)->required();

    auto* admin_line = admin->add_subcommand("poverty-line", "the poverty line of a year");
    admin_line->require_subcommand(1);
    int line_year = 0;
    std::string line_yuan;
    auto* line_set = admin_line->add_subcommand("set", "set the poverty line of YEAR to YUAN per person per year");
    line_set->add_option("YEAR", line_year)->required()->check(CLI::Range(2000, 2100));
    line_set->add_option("YUAN", line_yuan)->required();

    // A county may lengthen the plan's postings (7, 7 and 15 days), never shorten them.
    app.add_option("--posting-days-village", config.posting_days.village, "length of the first posting (village)")
        ->capture_default_str()->check(CLI::Range(7, 90));
    app.add_option("--posting-days-township", config.posting_days.township, "length of the second posting")
        ->capture_default_str()->check(CLI::Range(7, 90));
    app.add_option("--posting-days-county", config.posting_days.county, "length of the third posting (county)")
        ->capture_default_str()->check(CLI::Range(15, 90));
    app.add_option("--posting-days-result", config.posting_days.result, "length of the result posting")
        ->capture_default_str()->check(CLI::Range(1, 90));

    app.add_option("--helper-household-limit", config.helper_household_limit,
                   "households one helper answers for at most (结对帮扶)")
        ->capture_default_str()->check(CLI::Range(1, 50));
    app.add_option("--contact-visit-days", config.contact_visit_days,
                   "a helper's visit within this many days counts as 联系到人 (三到户三到人)")
        ->capture_default_str()->check(CLI::Range(1, 366));

    auto* audit = app.add_subcommand("audit", "the audit trail");
    auto* audit_verify = audit->add_subcommand("verify", "walk the hash chain; name the first altered, deleted or "
                                                         "reordered entry (exit 3)");
    audit->require_subcommand(1);
    std::string backup_file, restore_file;
    auto* backup = app.add_subcommand("backup", "copy the SQLite archive to a new FILE while the server runs");
    backup->add_option("--to", backup_file, "the backup file to write (must not exist)")->required();
    auto* restore = app.add_subcommand("restore", "make the archive of --db (a new SQLite file) from a backup, "
                                                  "and check it");
    restore->add_option("--from", restore_file, "the backup file")->required()->check(CLI::ExistingFile);
    app.require_subcommand(0, 1);
    app.footer("Without a subcommand, county-server serves the archive until SIGINT or SIGTERM.");

    try {
        app.parse(argc, argv);
        parse_listen(listen, config);
        config.session_idle_timeout = std::chrono::minutes(idle_minutes);
        config.session_lifetime = std::chrono::minutes(lifetime_hours * 60);
        config.feed_poll_interval = std::chrono::milliseconds(feed_poll_ms);
        config.session_cache_ttl = std::chrono::milliseconds(session_cache_ms);
        config.lookup_window = std::chrono::seconds(lookup_window_seconds);
    } catch (const CLI::ParseError& e) {
        // --help answers 0; every usage error answers 2, whatever CLI11's own code for it.
        return app.exit(e) == 0 ? 0 : 2;
    }

    if (log_format == "json") spdlog::set_formatter(std::make_unique<json_log_formatter>());
    else spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
    spdlog::set_level(spdlog::level::from_str(log_level));

    try {
        if (areas_import->parsed()) return import_areas_command(config.database_url, areas_file);
        if (households_import->parsed()) return import_households_command(config.database_url, households_file);
        if (user_add->parsed()) return admin_user_add(config.database_url, account);
        if (user_disable->parsed()) return admin_user_set_disabled(config.database_url, target_user, true);
        if (user_enable->parsed()) return admin_user_set_disabled(config.database_url, target_user, false);
        if (user_reset->parsed()) return admin_user_reset_password(config.database_url, target_user);
        if (line_set->parsed()) return admin_poverty_line_set(config.database_url, line_year, line_yuan);
        if (audit_verify->parsed()) return audit_verify_command(config.database_url);
        if (backup->parsed()) return backup_command(config.database_url, backup_file);
        if (restore->parsed()) return restore_command(config.database_url, restore_file);
        if (migrate->parsed()) {
            auto db = sql::connect(sql::database_url::parse(config.database_url).for_maintenance());
            auto applied = storage::migrate(*db);
            spdlog::info("database at schema version {} ({} migrations applied now)", storage::schema_version(*db), applied);
            return 0;
        }
        if (config.tls_certificate.empty() || config.tls_private_key.empty() || config.client_ca.empty()) {
            spdlog::error("--tls-cert, --tls-key and --client-ca are required to serve");
            return 2;
        }
        config.handle_signals = true;
        county_server server(std::move(config));
        server.start();
        server.wait();
        return 0;
    } catch (const common::api_error& e) {
        spdlog::error("{}{}: {}", e.field().empty() ? "" : e.field() + " ", e.code(), e.message(common::language::zh));
    } catch (const std::exception& e) {
        spdlog::error("{}", e.what());
    }
    return 1;
}

}  // namespace fupin::server
