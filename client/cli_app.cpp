#include "client/cli_app.hpp"

#include <cstdlib>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "client/account_commands.hpp"
#include "client/account_printer.hpp"
#include "client/api_client.hpp"
#include "client/client_config.hpp"
#include "client/command_group.hpp"
#include "client/exit_codes.hpp"
#include "client/health_command.hpp"
#include "client/household_commands.hpp"
#include "client/household_printer.hpp"
#include "client/input_errors.hpp"
#include "client/password_input.hpp"
#include "client/person_commands.hpp"
#include "client/posting_commands.hpp"
#include "client/procedure_commands.hpp"
#include "client/quota_commands.hpp"
#include "client/member_commands.hpp"
#include "client/exit_commands.hpp"
#include "client/review_round_commands.hpp"
#include "client/spot_check_commands.hpp"
#include "client/department_check_commands.hpp"
#include "client/helper_commands.hpp"
#include "client/pairing_commands.hpp"
#include "client/measure_commands.hpp"
#include "client/plan_commands.hpp"
#include "client/visit_commands.hpp"
#include "client/sandaohu_command.hpp"
#include "client/document_commands.hpp"
#include "client/import_commands.hpp"
#include "client/attachment_commands.hpp"
#include "client/campaign_commands.hpp"
#include "client/supervision_commands.hpp"
#include "client/statistics_command.hpp"
#include "client/session_store.hpp"
#include "client/watch_command.hpp"

namespace fupin::client {
namespace {

// The flags every command takes.
struct global_options {
    std::string config_path;
    config_overrides overrides;
    std::string session_file;
    bool json = false;
};

client_config resolve_config(const global_options& o) {
    std::filesystem::path path = o.config_path;
    bool must_exist = !path.empty();
    if (path.empty()) {
        const char* env = std::getenv("FUPIN_CLIENT_CONFIG");
        must_exist = env && *env;
        path = default_config_path();
    }
    client_config config;
    std::error_code ec;
    if (must_exist || std::filesystem::exists(path, ec)) config = load_client_config(path);
    apply_overrides(config, o.overrides);
    check_complete(config);
    return config;
}

}  // namespace

int run_township_client(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err) {
    global_options o;
    CLI::App app{"township-client: 乡镇扶贫工作站的建档立卡客户端 (the township office's client of county-server)",
                 "township-client"};
    app.footer(std::string(exit_codes_help()) +
               "\n\nSettings come from --config PATH, else $FUPIN_CLIENT_CONFIG, else "
               "~/.config/fupin/township-client.conf\n(lines `key = value`: server, ca, cert, key, lang, timeout; "
               "relative paths are relative to the file); flags override them. See client/README.md.\n"
               "Every command but health and login needs a login first: township-client login. The session is "
               "cached\nin $XDG_STATE_HOME/fupin/ or ~/.local/state/fupin/ (mode 0600), or --session-file PATH.");
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--config", o.config_path, "配置文件 (config file)");
    app.add_option("--server", o.overrides.server, "县服务器 HOST:PORT (county server)");
    app.add_option("--ca", o.overrides.ca, "县级根证书 PEM (county CA)");
    app.add_option("--cert", o.overrides.certificate, "本乡镇证书 PEM (township certificate)");
    app.add_option("--key", o.overrides.private_key, "本乡镇私钥 PEM (township key)");
    app.add_option("--lang", o.overrides.lang, "输出语言 zh|en，默认 zh (output language)")
        ->check(CLI::IsMember({"zh", "en"}));
    app.add_option("--timeout", o.overrides.timeout_seconds, "每步超时秒数 (seconds per step)")
        ->check(CLI::Range(1, 3600));
    app.add_flag("--json", o.json, "原样输出服务器的 JSON 应答 (print the raw JSON answer)");
    app.add_option("--session-file", o.session_file, "登录缓存文件 (the cached login; default per server)");

    // The command groups, in the order `--help` lists them.
    std::vector<std::unique_ptr<command_group>> groups;
    groups.push_back(std::make_unique<health_command>(app));
    groups.push_back(std::make_unique<account_commands>(app));
    groups.push_back(std::make_unique<household_commands>(app));
    groups.push_back(std::make_unique<member_commands>(app));     // births, deaths, marriages, moves, new numbers
    groups.push_back(std::make_unique<procedure_commands>(app));  // the identification procedure: cases, steps
    groups.push_back(std::make_unique<posting_commands>(app));    // its postings and objections
    groups.push_back(std::make_unique<quota_commands>(app));      // poverty lines and quotas
    groups.push_back(std::make_unique<exit_commands>(app));       // the exit standard, the exit's own steps
    groups.push_back(std::make_unique<review_round_commands>(app));  // the half-yearly review rounds
    groups.push_back(std::make_unique<spot_check_commands>(app)); // samples of the files and their checks
    groups.push_back(std::make_unique<department_check_commands>(app));  // other departments' lists, their flags
    groups.push_back(std::make_unique<helper_commands>(app));     // helper units, helpers, the volunteer team
    groups.push_back(std::make_unique<pairing_commands>(app));    // helpers paired with households
    groups.push_back(std::make_unique<measure_commands>(app));    // measures and projects
    groups.push_back(std::make_unique<plan_commands>(app));       // a household's plan for the year
    groups.push_back(std::make_unique<visit_commands>(app));      // visits and unannounced checks
    groups.push_back(std::make_unique<sandaohu_command>(app));     // 三到户三到人
    groups.push_back(std::make_unique<document_commands>(app));    // 户卡、村册、乡镇簿、公示榜
    groups.push_back(std::make_unique<statistics_command>(app));   // 统计
    groups.push_back(std::make_unique<import_commands>(app));      // 导入原有档案
    groups.push_back(std::make_unique<attachment_commands>(app));  // 资料与资料齐全
    groups.push_back(std::make_unique<campaign_commands>(app));    // 工作阶段与进度
    groups.push_back(std::make_unique<supervision_commands>(app));  // 专项督查：排名、权重、通报
    groups.push_back(std::make_unique<person_commands>(app));     // lookup ID_NUMBER across townships
    groups.push_back(std::make_unique<watch_command>(app));       // the change feed, as it arrives

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e, out, err) == 0 ? exit_ok : exit_usage;
    }
    command_group* group = nullptr;
    for (auto& g : groups)
        if (g->given()) group = g.get();
    if (!group) return exit_usage;  // require_subcommand(1) makes this unreachable

    common::language lang = o.overrides.lang == "en" ? common::language::en : common::language::zh;
    std::unique_ptr<api_client> client;
    std::optional<session_store> store;
    try {
        const client_config config = resolve_config(o);
        lang = config.lang;
        // Everything that can be checked here is checked before the connection is opened.
        if (const int code = group->check_before_connecting(in, err, lang); code != exit_ok) return code;
        client = std::make_unique<api_client>(config);
        store.emplace(o.session_file.empty() ? session_store::default_path(config.server)
                                              : std::filesystem::path(o.session_file));

        // A cache of another server (possible with --session-file) is never sent: the token would be handed to
        // a server that did not issue it.
        if (group->session() != session_use::none) {
            const auto cached = store->load();
            if (cached && cached->server == config.server) client->set_token(cached->token);
            else if (group->session() == session_use::required) {
                err << account_printer(lang).not_logged_in();
                return exit_not_logged_in;
            }
        }
        return group->run({config, *client, *store, lang, o.json, in, out, err});
    } catch (const config_error& e) {
        err << common::in(lang, "设置有误：", "Settings error: ") << e.what() << '\n';
        return exit_usage;
    } catch (const unreadable_file& e) {
        err << common::in(lang, "无法读取文件：", "Cannot read the file: ") << e.what() << '\n';
        return exit_usage;
    } catch (const unwritable_file& e) {
        err << common::in(lang, "无法写入文件：", "Cannot write the file: ") << e.what() << '\n';
        return exit_usage;
    } catch (const invalid_json_file& e) {
        err << common::in(lang, "文件不是有效的 JSON：", "The file is not valid JSON: ") << e.what() << '\n';
        return exit_refused;
    } catch (const common::api_error& e) {  // the household file does not fit the format (checked locally)
        err << household_printer(lang).local_problems({e});
        return exit_refused;
    } catch (const password_input_error& e) {
        err << common::in(lang, "无法读取密码：", "Cannot read the password: ") << e.what()
            << common::in(lang, "\n请在终端中运行，或用 --user 和 --password-fd 传入。\n",
                          "\nRun it in a terminal, or pass --user and --password-fd.\n");
        return exit_usage;
    } catch (const session_store_error& e) {
        if (!e.insecure()) {
            err << common::in(lang, "登录缓存文件无法使用：", "The login cache file cannot be used: ") << e.what() << '\n';
            return exit_usage;
        }
        // Others could read the token: it is not used, and the file goes so the next login starts clean.
        std::error_code ec;
        std::filesystem::remove(store->path(), ec);
        err << account_printer(lang).insecure_cache_deleted(e.what());
        return exit_not_logged_in;
    } catch (const client_error& e) {
        const bool logging_in = group->session() == session_use::none && app.got_subcommand("login");
        // A session the server no longer knows: the cache is stale, and logging in again is the only cure.
        if (e.kind() == error_kind::http && e.status() == 401 && !logging_in && store) {
            std::error_code ec;
            std::filesystem::remove(store->path(), ec);
            if (o.json && client && !client->last_result().body.empty()) print_raw_answer(out, client->last_result().body);
            err << account_printer(lang).not_logged_in()
                << common::in(lang, "（代码 ", "(code ") << (e.code().empty() ? "-" : e.code())
                << common::in(lang, "，HTTP 401）\n", ", HTTP 401)\n");
            return exit_not_logged_in;
        }
        if (logging_in) {
            if (const auto text = account_printer(lang).login_refused(e); !text.empty()) {
                err << text;
                return exit_code_for(e);
            }
        }
        if (o.json && e.kind() == error_kind::http && client && !client->last_result().body.empty())
            print_raw_answer(out, client->last_result().body);
        err << group->explain(e, lang);
        return exit_code_for(e);
    } catch (const std::exception& e) {
        err << common::in(lang, "客户端内部错误：", "Internal error of the client: ") << e.what() << '\n';
        return 1;
    }
}

}  // namespace fupin::client
