#pragma once
// The county's areas kept in memory for the checks a create makes before it waits for its batch
// (household_creator): every create asks for three of them, a county has a few thousand, and they change once
// in years (`county-server areas import`). Without it each create asked the database once more
// (docs/performance.md, "Creates that do not hold a worker").
//
// What it answers may be behind an import by up to one outbox poll, which is why the batch reads the areas of
// its creates again from the database before it commits (household_creator::recheck_areas). Otherwise:
// - An area not held is read from the database and kept. One the database does not know is not kept, so an
//   unknown code costs one query, as it did before.
// - This process's own area writes forget everything at once (area_repository names "areas" to its
//   connection's change observer), and nothing read while such a write is open is kept.
// - Another process's import is seen through the outbox: an import that changes an area appends
//   `areas.renamed`, on which net::event_hub forgets everything; the hub polls every interval while it holds a
//   directory (and forgets everything while its polls fall behind).
// - A batch that finds an area changed makes it forget everything.
// - Everything held is forgotten max_age after it was first read: changes that bypass the server.
// Areas are never deleted (imports only add and change them), so an area once found exists.
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "common/area.hpp"
#include "server/sql/change_observer.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class area_directory : public sql::change_observer {
public:
    explicit area_directory(std::chrono::milliseconds max_age = std::chrono::seconds(60));

    // The areas among `codes` that the database holds, by code.
    std::map<std::string, common::area> find_all(sql::connection& db, const std::vector<std::string>& codes);

    void forget_all();
    // A changed record's name, as the outbox names it: "areas" forgets everything, anything else nothing.
    void forget_record(const std::string& record);

    // sql::change_observer: the writes of this process's connections.
    void changing(const std::string& record) noexcept override;
    void changed(const std::string& record) noexcept override;

private:
    using clock = std::chrono::steady_clock;
    void forget_all_locked();

    const std::chrono::milliseconds max_age_;
    mutable std::mutex mutex_;
    std::map<std::string, common::area> areas_;
    clock::time_point first_read_at_{};  // of what is held
    std::uint64_t generation_ = 0;  // changes whenever what is held is forgotten: a read across it is not kept
    int open_writes_ = 0;  // writes of the areas begun here and not yet ended
};

}  // namespace fupin::server::service
