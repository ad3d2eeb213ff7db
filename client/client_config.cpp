#include "client/client_config.hpp"

#include <CLI/CLI.hpp>

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

namespace fupin::client {
namespace {

std::string resolve(const std::string& path, const std::filesystem::path& base_dir) {
    if (path.empty()) return path;
    std::filesystem::path p(path);
    if (path.front() == '~' && (path.size() == 1 || path[1] == '/')) {
        if (const char* home = std::getenv("HOME")) return std::string(home) + path.substr(1);
    }
    if (p.is_absolute() || base_dir.empty()) return path;
    return (base_dir / p).lexically_normal().string();
}

int parse_timeout(std::string_view value) {
    int seconds = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec != std::errc{} || end != value.data() + value.size() || seconds < 1 || seconds > 3600)
        throw config_error("timeout must be a whole number of seconds from 1 to 3600, not \"" + std::string(value) +
                           "\"");
    return seconds;
}

}  // namespace

common::language parse_language(std::string_view value) {
    const auto lower = [](std::string_view s) {
        std::string out(s);
        for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    const auto v = lower(value);
    if (v == "zh" || v == "zh-cn" || v == "zh_cn") return common::language::zh;
    if (v == "en" || v == "en-us" || v == "en_us" || v == "en-gb") return common::language::en;
    throw config_error("lang must be zh or en, not \"" + std::string(value) + "\"");
}

client_config parse_client_config(std::string_view text, const std::filesystem::path& base_dir,
                                  std::string_view source) {
    // CLI11 reads the file as it reads county-server's (TOML-like `key = value`, "quotes", # comments,
    // [sections] ignored here); what the keys mean and where relative paths lead is ours.
    std::string body(text);
    if (body.rfind("\xEF\xBB\xBF", 0) == 0) body.erase(0, 3);  // UTF-8 BOM (Notepad)
    // CLI11 reads a line without `=` as a flag set to true; none of these keys is a flag.
    {
        std::istringstream lines(body);
        int number = 0;
        for (std::string line; std::getline(lines, line);) {
            ++number;
            const auto first = line.find_first_not_of(" \t\r");
            if (first == std::string::npos || std::string("#;[").find(line[first]) != std::string::npos) continue;
            if (line.find('=') == std::string::npos)
                throw config_error(std::string(source) + ":" + std::to_string(number) + ": expected key = value");
        }
    }
    std::istringstream in(body);
    std::vector<CLI::ConfigItem> items;
    try {
        items = CLI::ConfigTOML().from_config(in);
    } catch (const CLI::Error& e) {
        throw config_error(std::string(source) + ": " + e.what());
    }
    const auto fail = [&](const std::string& key, const std::string& what) {
        throw config_error(std::string(source) + ": " + key + ": " + what);
    };
    client_config config;
    for (const auto& item : items) {
        const auto& key = item.name;
        if (key == "++" || key == "--") continue;  // where a [section] begins or ends
        std::string value;
        for (const auto& part : item.inputs) value += (value.empty() ? "" : " ") + part;
        if (!value.empty() && (value.front() == '"' || value.front() == '\''))
            fail(key, "unterminated quoted value");
        try {
            if (key == "server") config.server = value;
            else if (key == "ca") config.ca = resolve(value, base_dir);
            else if (key == "cert" || key == "certificate") config.certificate = resolve(value, base_dir);
            else if (key == "key" || key == "private_key") config.private_key = resolve(value, base_dir);
            else if (key == "lang" || key == "language") config.lang = parse_language(value);
            else if (key == "timeout" || key == "timeout_seconds") config.timeout_seconds = parse_timeout(value);
            else fail(key, "unknown key (known: server, ca, cert, key, lang, timeout)");
        } catch (const config_error& e) {
            if (std::string_view(e.what()).starts_with(std::string(source) + ":")) throw;
            fail(key, e.what());
        }
    }
    return config;
}

client_config load_client_config(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw config_error("cannot read the config file " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw config_error("cannot read the config file " + file.string());
    auto base = file.parent_path();
    if (base.empty()) base = ".";
    return parse_client_config(text.str(), base, file.string());
}

void save_client_config(const std::filesystem::path& file, const client_config& config) {
    const auto quoted = [](const std::string& key, std::string value) {
        // CLI11's reader (2.1) ends a value at '#' even inside quotes: such a path could not be read back.
        if (value.find_first_of("\"#\r\n") != std::string::npos)
            throw config_error("the setting " + key + " cannot hold a quote, a # or a line break");
        return key + " = \"" + value + "\"\n";
    };
    const auto absolute = [](const std::string& path) { return std::filesystem::absolute(path).lexically_normal().string(); };
    std::string text = "# township-client settings (written by township-desktop)\n";
    text += quoted("server", config.server);
    text += quoted("ca", absolute(config.ca));
    text += quoted("cert", absolute(config.certificate));
    text += quoted("key", absolute(config.private_key));
    text += std::string("lang = ") + (config.lang == common::language::en ? "en" : "zh") + "\n";
    text += "timeout = " + std::to_string(config.timeout_seconds) + "\n";
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    const auto partial = file.string() + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) throw config_error("cannot write the config file " + file.string());
    }
    std::filesystem::rename(partial, file, ec);
    if (ec) throw config_error("cannot write the config file " + file.string());
}

std::filesystem::path default_config_path() {
    if (const char* env = std::getenv("FUPIN_CLIENT_CONFIG"); env && *env) return env;
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".config" / "fupin" / "township-client.conf";
}

void apply_overrides(client_config& config, const config_overrides& o) {
    if (o.server) config.server = *o.server;
    if (o.ca) config.ca = *o.ca;
    if (o.certificate) config.certificate = *o.certificate;
    if (o.private_key) config.private_key = *o.private_key;
    if (o.lang) config.lang = parse_language(*o.lang);
    if (o.timeout_seconds) {
        if (*o.timeout_seconds < 1 || *o.timeout_seconds > 3600)
            throw config_error("timeout must be from 1 to 3600 seconds");
        config.timeout_seconds = *o.timeout_seconds;
    }
}

host_port split_server(std::string_view server) {
    const auto bad = [&](const char* why) {
        return config_error("server must be HOST:PORT (" + std::string(why) + "), not \"" + std::string(server) + "\"");
    };
    host_port hp;
    std::string_view rest;
    if (!server.empty() && server.front() == '[') {
        const auto close = server.find(']');
        if (close == std::string_view::npos) throw bad("unclosed [");
        hp.host = server.substr(1, close - 1);
        rest = server.substr(close + 1);
        if (rest.empty() || rest.front() != ':') throw bad("no port");
        rest.remove_prefix(1);
    } else {
        const auto colon = server.rfind(':');
        if (colon == std::string_view::npos) throw bad("no port");
        hp.host = server.substr(0, colon);
        if (hp.host.find(':') != std::string::npos) throw bad("write IPv6 addresses as [ADDRESS]:PORT");
        rest = server.substr(colon + 1);
    }
    int port = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), port);
    if (hp.host.empty()) throw bad("no host");
    if (rest.empty() || ec != std::errc{} || end != rest.data() + rest.size() || port < 1 || port > 65535)
        throw bad("port must be 1-65535");
    hp.port = std::string(rest);
    return hp;
}

void check_complete(const client_config& config) {
    std::string missing;
    const auto need = [&](const std::string& value, const char* key) {
        if (value.empty()) missing += missing.empty() ? key : std::string(", ") + key;
    };
    need(config.server, "server");
    need(config.ca, "ca");
    need(config.certificate, "cert");
    need(config.private_key, "key");
    if (!missing.empty())
        throw config_error("missing setting: " + missing + " (set it in the config file or with --" +
                           missing.substr(0, missing.find(',')) + ")");
    split_server(config.server);
}

}  // namespace fupin::client
