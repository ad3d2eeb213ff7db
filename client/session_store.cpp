#include "client/session_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <utility>

#include <nlohmann/json.hpp>

namespace fupin::client {
namespace {

constexpr std::size_t max_file_size = 64 * 1024;  // a session is a few hundred bytes; anything bigger is not ours

std::string system_error(const char* what, const std::filesystem::path& path) {
    return std::string(what) + " " + path.string() + ": " + std::strerror(errno);
}

// Closes the descriptor on every path out of load() and save().
class fd_closer {
public:
    explicit fd_closer(int fd) : fd_(fd) {}
    ~fd_closer() {
        if (fd_ >= 0) ::close(fd_);
    }
    fd_closer(const fd_closer&) = delete;
    fd_closer& operator=(const fd_closer&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

// Creates the missing directories of `dir` with mode 0700 (the XDG state directory and ours must not be
// listable by others). Existing directories are left as they are: with --session-file that may be /tmp.
void ensure_directory(const std::filesystem::path& dir) {
    if (dir.empty()) return;
    std::error_code ec;
    if (std::filesystem::is_directory(dir, ec)) return;
    ensure_directory(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw session_store_error(system_error("cannot create the directory", dir), false);
}

std::string text_field(const nlohmann::json& json, const char* key) {
    if (!json.contains(key) || !json.at(key).is_string()) return {};
    return json.at(key).get<std::string>();
}

}  // namespace

session_store::session_store(std::filesystem::path file) : file_(std::move(file)) {}

std::filesystem::path session_store::default_path(const std::string& server) {
    std::string name;
    for (unsigned char c : server) name += std::isalnum(c) || c == '.' || c == '-' ? static_cast<char>(c) : '_';
    std::filesystem::path base;
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state == '/') {
        base = state;  // the XDG spec says to ignore a relative path
    } else {
        const char* home = std::getenv("HOME");
        base = std::filesystem::path(home && *home ? home : ".") / ".local" / "state";
    }
    return base / "fupin" / ("session-" + name + ".json");
}

std::optional<cached_session> session_store::load() const {
    // O_NOFOLLOW: a symlink planted in our place could point the read (and a later save) somewhere else.
    fd_closer fd(::open(file_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT) return std::nullopt;
        if (errno == ELOOP) throw session_store_error(file_.string() + " is a symbolic link", true);
        throw session_store_error(system_error("cannot read", file_), false);
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) throw session_store_error(system_error("cannot stat", file_), false);
    if (!S_ISREG(st.st_mode)) throw session_store_error(file_.string() + " is not a regular file", true);
    if (st.st_uid != ::geteuid()) throw session_store_error(file_.string() + " belongs to another user", true);
    if ((st.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        throw session_store_error(file_.string() + " can be read by other users (mode " + mode + ", must be 0600)",
                                  true);
    }
    if (st.st_size > static_cast<off_t>(max_file_size))
        throw session_store_error(file_.string() + " is too large to be a session", false);

    std::string text(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    while (got < text.size()) {
        const auto n = ::read(fd.get(), text.data() + got, text.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw session_store_error(system_error("cannot read", file_), false);
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    text.resize(got);
    const auto json = nlohmann::json::parse(text, nullptr, false);
    cached_session s;
    if (json.is_object()) {
        s.server = text_field(json, "server");
        s.token = text_field(json, "token");
        s.username = text_field(json, "username");
        s.expires_at = text_field(json, "expires_at");
    }
    if (s.server.empty() || s.token.empty())
        throw session_store_error(file_.string() + " is not a township-client session file", false);
    return s;
}

void session_store::save(const cached_session& session) const {
    ensure_directory(file_.parent_path());
    // Written beside the target and renamed over it: a crash leaves the old file or the new one, never half,
    // and an existing file with a loose mode is replaced rather than trusted.
    const std::filesystem::path temp = file_.string() + ".tmp-" + std::to_string(::getpid());
    ::unlink(temp.c_str());  // a leftover of a crashed run with our pid
    // O_EXCL|O_NOFOLLOW: we write only into a file we have just made, never through someone's symlink. Mode 0600
    // from the start (umask can only take bits away), and fchmod in case a umask of 0 was not the worry.
    fd_closer fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (fd.get() < 0) throw session_store_error(system_error("cannot create", temp), false);
    const auto fail = [&](const char* what) {
        const auto message = system_error(what, temp);
        ::close(fd.release());
        ::unlink(temp.c_str());
        throw session_store_error(message, false);
    };
    if (::fchmod(fd.get(), 0600) != 0) fail("cannot set the mode of");
    const std::string text = nlohmann::json{{"server", session.server},
                                            {"token", session.token},
                                            {"username", session.username},
                                            {"expires_at", session.expires_at}}
                                 .dump() +
                             "\n";
    std::size_t written = 0;
    while (written < text.size()) {
        const auto n = ::write(fd.get(), text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("cannot write");
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) fail("cannot write");
    if (::close(fd.release()) != 0) {
        ::unlink(temp.c_str());
        throw session_store_error(system_error("cannot write", temp), false);
    }
    if (::rename(temp.c_str(), file_.c_str()) != 0) {
        const auto message = system_error("cannot replace", file_);
        ::unlink(temp.c_str());
        throw session_store_error(message, false);
    }
}

bool session_store::remove() const {
    if (::unlink(file_.c_str()) == 0) return true;
    if (errno == ENOENT) return false;
    throw session_store_error(system_error("cannot delete", file_), false);
}

}  // namespace fupin::client
