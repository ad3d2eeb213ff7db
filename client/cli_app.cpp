#include "client/cli_app.hpp"

#include <cstdlib>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <CLI/CLI.hpp>

#include "client/account_commands.hpp"
#include "client/account_printer.hpp"
#include "client/api_client.hpp"
#include "client/client_config.hpp"
#include "client/exit_codes.hpp"
#include "client/household_printer.hpp"
#include "client/password_input.hpp"
#include "client/person_commands.hpp"
#include "client/procedure_commands.hpp"
#include "client/procedure_printer.hpp"
#include "client/session_store.hpp"
#include "client/watch_command.hpp"
#include "common/china_date.hpp"
#include "common/household_json.hpp"
#include "common/household_validation.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {
namespace {

// A file named on the command line that cannot be read (exit 2).
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The household file is not JSON (exit 3, like the server's 400 invalid_json).
struct refused_input : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct options {
    std::string config_path;
    config_overrides overrides;
    std::string session_file;
    bool json = false;
    account_options account;

    std::string file;
    std::string idempotency_key;
    std::int64_t id = 0;
    common::household_filter filter;
    bool all = false;
};

std::string read_input(const std::string& path, std::istream& in) {
    std::ostringstream text;
    if (path == "-") {
        text << in.rdbuf();
        return text.str();
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) throw usage_error("cannot read " + path);
    text << file.rdbuf();
    if (file.bad()) throw usage_error("cannot read " + path);
    return text.str();
}

// Reads the household file, fills the derived fields and runs the county's rules on it before anything is sent.
// Returns nullopt after printing the problems.
std::optional<common::household> checked_household(const std::string& path, std::istream& in, std::ostream& err,
                                                   const household_printer& printer) {
    const auto text = read_input(path, in);
    auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded()) throw refused_input(path + ": not valid JSON");
    auto h = common::household_from_json(json, common::json_source::request);  // api_error on type/unknown field
    common::derive(h);
    const auto problems = common::find_problems(h, common::today_in_china());
    if (!problems.empty()) {
        err << printer.local_problems(problems);
        return std::nullopt;
    }
    return h;
}

client_config resolve_config(const options& o) {
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

// The codes of a vocabulary list, for a CLI11 IsMember check.
std::vector<std::string> codes_of(const common::vocabulary_list& list) {
    std::vector<std::string> codes;
    for (const auto& e : list.entries) codes.push_back(e.code);
    return codes;
}

void print_raw(std::ostream& out, const std::string& body) {
    out << body;
    if (body.empty() || body.back() != '\n') out << '\n';
}

}  // namespace

int run_township_client(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err) {
    options o;
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

    auto* health = app.add_subcommand("health", "检查县服务器 (check the county server)");
    auto* login = app.add_subcommand("login", "登录 (log in; the password is asked without echo)");
    login->add_option("--user", o.account.username, "用户名 (username; asked when not given)");
    const auto password_fd = [&](CLI::App* command) {
        command->add_option("--password-fd", o.account.password_fd,
                            "从该文件描述符读一行密码，0 为标准输入 (read the password from this descriptor)")
            ->check(CLI::NonNegativeNumber);
    };
    password_fd(login);
    auto* logout = app.add_subcommand("logout", "退出登录 (log out)");
    auto* whoami = app.add_subcommand("whoami", "当前登录的用户 (who is logged in)");
    auto* user = app.add_subcommand("user", "用户管理，县级系统管理员 (user accounts; county administrators)")
                     ->require_subcommand(1);
    user->fallthrough();
    auto* user_list = user->add_subcommand("list", "列出用户 (list users)");
    auto* user_add = user->add_subcommand("add", "新建用户 (add a user)");
    user_add->add_option("--username", o.account.username, "用户名 a-z 0-9 _ . - (username)")->required();
    user_add->add_option("--display-name", o.account.display_name, "姓名或岗位 (display name)")->required();
    user_add->add_option("--role", o.account.role, "角色 (role)")
        ->required()
        ->check(CLI::IsMember(codes_of(common::vocabulary::roles)));
    user_add->add_option("--area", o.account.area, "所属村、乡镇或县的区划代码 (area code)")->required();
    password_fd(user_add);
    auto* user_disable = user->add_subcommand("disable", "停用用户 (disable a user)");
    auto* user_enable = user->add_subcommand("enable", "启用用户 (enable a user)");
    auto* user_reset = user->add_subcommand("reset-password", "重置密码 (reset a user's password)");
    for (auto* command : {user_disable, user_enable, user_reset})
        command->add_option("NAME", o.account.username, "用户名 (username)")->required();
    password_fd(user_reset);

    auto* household = app.add_subcommand("household", "户档案 (household files)")->require_subcommand(1);
    household->fallthrough();
    auto* create = household->add_subcommand("create", "新建一户档案 (create a household from FILE.json)");
    create->add_option("FILE", o.file, "户档案 JSON 文件，- 为标准输入 (household JSON file, - for stdin)")->required();
    create->add_option("--idempotency-key", o.idempotency_key,
                       "幂等键：重试时用同一个键不会重复建档 (retry with the same key makes nothing twice)");
    auto* show = household->add_subcommand("show", "查看一户档案 (show one household)");
    show->add_option("ID", o.id, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    auto* update = household->add_subcommand("update", "修改一户档案 (replace a household; FILE carries version)");
    update->add_option("ID", o.id, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    update->add_option("FILE", o.file, "整户档案 JSON，含 version (the whole household with its version)")->required();
    auto* list = household->add_subcommand("list", "列出户档案，最近修改的在前 (list households, newest change first)");
    list->add_option("--township", o.filter.township_code, "乡镇代码 (township code)");
    list->add_option("--village", o.filter.village_code, "村代码 (village code)");
    list->add_option("--group", o.filter.group_code, "组代码 (village group code)");
    list->add_option("--status", o.filter.status, "状态 pending|registered|exited");
    list->add_option("--page-size", o.filter.page_size, "每页户数 1-200，默认 50 (page size)")->check(CLI::Range(1, 200));
    list->add_option("--page-token", o.filter.page_token, "上一页给出的翻页令牌 (from the previous page)");
    list->add_flag("--all", o.all, "列出所有页 (every page)");

    // The identification procedure (docs/procedure.md): apply, check, the steps, postings, objections, …
    procedure_commands procedure(app);
    person_commands person(app);  // lookup ID_NUMBER: the cross-township lookup
    // watch: the change feed (event_stream), printed as it arrives.
    watch_command watch(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e, out, err) == 0 ? exit_ok : exit_usage;
    }

    common::language lang = o.overrides.lang == "en" ? common::language::en : common::language::zh;
    std::unique_ptr<api_client> client;
    std::optional<session_store> store;
    bool generated_key = false;
    try {
        const client_config config = resolve_config(o);
        lang = config.lang;
        const household_printer printer(lang);

        // Everything that can be checked here is checked before the connection is opened.
        std::optional<common::household> input;
        if (*create || *update) {
            input = checked_household(o.file, in, err, printer);
            if (!input) return exit_refused;
            if (*update) {
                input->id = o.id;
                if (input->version <= 0) {
                    err << common::in(lang, "错误：修改档案时，文件里必须有它所依据的版本号 version（先用 household show --json 取回）\n",
                             "Error: an update needs the version it was based on in the file (get it with household "
                             "show --json)\n");
                    return exit_refused;
                }
            }
        }
        client = std::make_unique<api_client>(config);
        store.emplace(o.session_file.empty() ? session_store::default_path(config.server)
                                              : std::filesystem::path(o.session_file));

        // Every command but health and login runs as the logged-in user. A cache of another server (possible
        // with --session-file) is never sent: the token would be handed to a server that did not issue it.
        if (!*health && !*login) {
            const auto cached = store->load();
            if (cached && cached->server == config.server) client->set_token(cached->token);
            else if (!*logout) {
                err << account_printer(lang).not_logged_in();
                return exit_not_logged_in;
            }
        }

        const account_context account{*client, *store, config.server, lang, o.json, out, err};
        const auto account_command_given = [&]() -> std::optional<account_command> {
            if (*login) return account_command::login;
            if (*logout) return account_command::logout;
            if (*whoami) return account_command::whoami;
            if (*user_list) return account_command::user_list;
            if (*user_add) return account_command::user_add;
            if (*user_disable) return account_command::user_disable;
            if (*user_enable) return account_command::user_enable;
            if (*user_reset) return account_command::user_reset_password;
            return std::nullopt;
        }();
        if (account_command_given) return run_account_command(*account_command_given, o.account, account);
        if (procedure.given()) return procedure.run({*client, lang, o.json, out, err});
        if (person.given()) return person.run(*client, lang, o.json, out, err);
        if (watch.given()) return watch.run({config, client->token(), lang, o.json, out, err});

        if (*health) {
            const auto status = client->health();
            if (o.json) print_raw(out, client->last_result().body);
            else out << printer.health(status);
        } else if (*create) {
            if (o.idempotency_key.empty()) {
                o.idempotency_key = random_idempotency_key();
                generated_key = true;
            }
            const auto stored = client->create_household(*input, o.idempotency_key);
            if (o.json) print_raw(out, client->last_result().body);
            else out << printer.stored_notice(true, client->last_was_replayed()) << printer.household(stored);
        } else if (*show) {
            const auto stored = client->get_household(o.id);
            if (o.json) print_raw(out, client->last_result().body);
            else out << printer.household(stored);
        } else if (*update) {
            const auto stored = client->update_household(*input);
            if (o.json) print_raw(out, client->last_result().body);
            else out << printer.stored_notice(false, false) << printer.household(stored);
        } else if (*list) {
            common::household_page all;
            nlohmann::json items = nlohmann::json::array();
            for (;;) {
                auto page = client->list_households(o.filter);
                if (o.json && !o.all) {
                    print_raw(out, client->last_result().body);
                    return exit_ok;
                }
                if (o.json) {
                    for (auto& item : nlohmann::json::parse(client->last_result().body).at("items")) items.push_back(std::move(item));
                }
                for (auto& h : page.items) all.items.push_back(std::move(h));
                all.next_page_token = page.next_page_token;
                if (!o.all || page.next_page_token.empty()) break;
                o.filter.page_token = page.next_page_token;
            }
            if (o.json) out << nlohmann::json{{"items", items}, {"next_page_token", ""}}.dump() << '\n';
            else out << printer.household_table(all.items) << printer.next_page_hint(all.next_page_token);
        }
        return exit_ok;
    } catch (const config_error& e) {
        err << common::in(lang, "设置有误：", "Settings error: ") << e.what() << '\n';
        return exit_usage;
    } catch (const usage_error& e) {
        err << common::in(lang, "无法读取文件：", "Cannot read the file: ") << e.what() << '\n';
        return exit_usage;
    } catch (const refused_input& e) {
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
        // A session the server no longer knows: the cache is stale, and logging in again is the only cure.
        if (e.kind() == error_kind::http && e.status() == 401 && !*login && store) {
            std::error_code ec;
            std::filesystem::remove(store->path(), ec);
            if (o.json && client && !client->last_result().body.empty()) print_raw(out, client->last_result().body);
            err << account_printer(lang).not_logged_in()
                << common::in(lang, "（代码 ", "(code ") << (e.code().empty() ? "-" : e.code())
                << common::in(lang, "，HTTP 401）\n", ", HTTP 401)\n");
            return exit_not_logged_in;
        }
        if (*login) {
            if (const auto text = account_printer(lang).login_refused(e); !text.empty()) {
                err << text;
                return exit_code_for(e);
            }
        }
        if (o.json && e.kind() == error_kind::http && client && !client->last_result().body.empty())
            print_raw(out, client->last_result().body);
        // The procedure's errors carry states and dates worth spelling out (procedure_printer adds them).
        err << (procedure.given() ? procedure_printer(lang).error(e) : household_printer(lang).error(e));
        const int code = exit_code_for(e);
        if (generated_key && (code == exit_unreachable || code == exit_server_error))
            err << common::in(lang, "若要重试，请加上 --idempotency-key ", "To retry safely, add --idempotency-key ") << o.idempotency_key
                << common::in(lang, "，这样不会重复建档。\n", " so that nothing is created twice.\n");
        return code;
    } catch (const std::exception& e) {
        err << common::in(lang, "客户端内部错误：", "Internal error of the client: ") << e.what() << '\n';
        return 1;
    }
}

}  // namespace fupin::client
