#pragma once
// The cached login of township-client: {server, token, username, expires_at} in a JSON file that only the user
// can read, so that one `login` serves the commands of the next hours. The token is as good as the password
// until it expires, hence the care: the file is made with mode 0600 (O_CREAT|O_EXCL, then renamed into place so
// a reader never sees half a file), its directory 0700, and a file that others could read is refused (the token
// may have leaked; the caller deletes it and asks for a new login).
//
//   default: $XDG_STATE_HOME/fupin/session-<server>.json, else ~/.local/state/fupin/session-<server>.json
//            where <server> is HOST:PORT with every character outside [A-Za-z0-9.-] turned into '_'.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace fupin::client {

struct cached_session {
    std::string server;      // HOST:PORT the token was issued by; a token is never sent to another server
    std::string token;
    std::string username;
    std::string expires_at;  // the server's absolute expiry, ISO 8601 UTC
};

// The cache file cannot be read, written or parsed, or is not safe to use (what() says which and why).
class session_store_error : public std::runtime_error {
public:
    session_store_error(std::string message, bool insecure)
        : std::runtime_error(std::move(message)), insecure_(insecure) {}
    // True when the file exists but others can read it, another user owns it, or it is not a regular file.
    bool insecure() const noexcept { return insecure_; }

private:
    bool insecure_;
};

class session_store {
public:
    // `file` is used as given (--session-file); its directory must exist or is created with mode 0700.
    explicit session_store(std::filesystem::path file);

    // The default cache file for `server` (see above).
    static std::filesystem::path default_path(const std::string& server);

    const std::filesystem::path& path() const { return file_; }

    // nullopt when there is no file. Throws session_store_error when the file is not safe (insecure()) or is
    // not a cached session.
    std::optional<cached_session> load() const;
    // Replaces the file atomically with a new one of mode 0600.
    void save(const cached_session& session) const;
    // Deletes the file; false when there was none.
    bool remove() const;

private:
    std::filesystem::path file_;
};

}  // namespace fupin::client
