#pragma once
// Settings of township-client: which server, which certificates, which language, how long to wait.
// They come from a config file of `key = value` lines, then command-line overrides win.
//
//   # ~/.config/fupin/township-client.conf
//   server  = "county.example.cn:8443"
//   ca      = "certs/ca.crt"          # relative paths are relative to this file's directory
//   cert    = "certs/529901101.crt"
//   key     = "certs/529901101.key"
//   lang    = zh                      # zh | en
//   timeout = 30                      # seconds, for each of connect, handshake, write and read
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "common/api_error.hpp"

namespace fupin::client {

// A config file that cannot be read or has a bad line, or a setting that is missing or malformed.
class config_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct client_config {
    std::string server;       // "HOST:PORT"; HOST may be a name, an IPv4 address or [IPv6]
    std::string ca;           // PEM of the county CA
    std::string certificate;  // PEM of this township's client certificate
    std::string private_key;  // PEM of its key
    common::language lang = common::language::zh;
    int timeout_seconds = 30;
};

// Command-line values; each set one replaces the config file's. Paths are taken as given (relative to the
// working directory, like any command-line path).
struct config_overrides {
    std::optional<std::string> server;
    std::optional<std::string> ca;
    std::optional<std::string> certificate;
    std::optional<std::string> private_key;
    std::optional<std::string> lang;
    std::optional<int> timeout_seconds;
};

struct host_port {
    std::string host;  // without brackets for IPv6
    std::string port;
};

// Parses config text. Keys: server, ca, cert, key, lang, timeout. Values may be "quoted"; `#` starts a comment
// outside quotes (and, with the CLI11 of Debian 12, inside them too: a value cannot hold one); blank lines and
// [section] lines are ignored. Relative paths resolve against base_dir.
// Throws config_error naming source and line for an unknown key or a malformed line or value.
client_config parse_client_config(std::string_view text, const std::filesystem::path& base_dir,
                                  std::string_view source = "config");

// Reads and parses a config file; throws config_error when it cannot be read.
client_config load_client_config(const std::filesystem::path& file);

// Writes the settings to `file` (its folder made when missing) as load_client_config reads them back, paths
// absolute, replacing the file whole (a reader never sees half of it). Throws config_error when a value cannot be
// written (a quote, a # or a line break in it) or the file cannot be written. The desktop's first run saves with it.
void save_client_config(const std::filesystem::path& file, const client_config& config);

// $FUPIN_CLIENT_CONFIG when set and not empty, else $HOME/.config/fupin/township-client.conf.
std::filesystem::path default_config_path();

void apply_overrides(client_config& config, const config_overrides& overrides);

// Throws config_error when server, ca, cert or key is missing, or server is not HOST:PORT.
void check_complete(const client_config& config);

// "host:8443" → {host, 8443}; "[::1]:8443" → {::1, 8443}. Throws config_error when malformed.
host_port split_server(std::string_view server);

// "zh" / "en" (also "zh-CN", "en-US"); throws config_error otherwise.
common::language parse_language(std::string_view value);

}  // namespace fupin::client
