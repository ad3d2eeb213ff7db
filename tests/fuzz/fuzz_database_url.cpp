// server/sql/database_url.hpp: database_url::parse on arbitrary text (from the command line or the config
// file). It refuses with std::invalid_argument only; what it accepts has a user, host, database and a port in
// range, and prints redacted() without its password. (The redacted form is for logs only: it need not parse
// back, e.g. a host with a ':' of its own loses its default port.)
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "server/sql/database_url.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using fupin::fuzz::unexpected_exception;
using fupin::server::sql::database_url;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string url(fupin::fuzz::as_text(data, size));
    database_url parsed;
    try {
        parsed = database_url::parse(url);
    } catch (const std::invalid_argument& e) {
        FUZZ_CHECK(std::string(e.what()).rfind("invalid database URL: ", 0) == 0);
        return 0;
    } catch (const std::exception& e) {
        unexpected_exception("database_url::parse", e);
    }

    std::string redacted;
    try {
        redacted = parsed.redacted();
    } catch (const std::exception& e) {
        unexpected_exception("database_url::redacted", e);
    }
    if (parsed.backend == database_url::kind::sqlite) {
        FUZZ_CHECK(!parsed.sqlite_path.empty());
        FUZZ_CHECK(redacted == url);
        return 0;
    }
    const auto& m = parsed.mysql;
    FUZZ_CHECK(!m.user.empty() && !m.host.empty() && !m.database.empty());
    FUZZ_CHECK(m.port >= 1 && m.port <= 65535);
    // The password never shows: the user (percent-encoded, so no ':' or '@' of its own) and then ":***@".
    FUZZ_CHECK(redacted.rfind("mysql://", 0) == 0);
    if (!m.password.empty()) {
        const auto stars = redacted.find(":***@");
        FUZZ_CHECK(stars != std::string::npos);
        const auto user = redacted.substr(8, stars - 8);
        FUZZ_CHECK(user.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~%") ==
                   std::string::npos);
    }
    return 0;
}
