#pragma once
// One database connection, used by one thread at a time. Repositories are written once against this
// interface; only DDL (schema/) and the rare dialect difference (dialect(), for_update()) differ per backend.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "server/storage/sql_row.hpp"
#include "server/storage/sql_value.hpp"

namespace fupin::server::sql {

// read: a consistent read; write: the transaction will write. SQLite takes the write lock at BEGIN
// (BEGIN IMMEDIATE) so two writers never deadlock on the upgrade; MySQL starts a plain READ COMMITTED
// transaction and read-modify-write paths lock rows with SELECT ... FOR UPDATE (see for_update()).
enum class tx_mode { read, write };

enum class dialect { sqlite, mysql };

class connection {
public:
    virtual ~connection() = default;
    connection(const connection&) = delete;
    connection& operator=(const connection&) = delete;

    // One statement with `?` placeholders. Prepared statements are cached per connection by SQL text, so
    // pass constant text and put values in params. Returns the rows matched (MySQL: found, not changed).
    virtual std::int64_t execute(std::string_view sql, const std::vector<value>& params = {}) = 0;
    virtual std::vector<row> query(std::string_view sql, const std::vector<value>& params = {}) = 0;
    // Several statements separated by `;`, no parameters, not cached. For migrations and test set-up.
    virtual void execute_script(std::string_view script) = 0;
    virtual std::int64_t last_insert_id() = 0;

    // Prefer sql::transaction, which rolls back on every path that does not commit.
    virtual void begin(tx_mode mode) = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    virtual bool in_transaction() const = 0;

    // True once the connection has lost its server (MySQL restarted, network cut): its owner should drop it
    // and connect again. SQLite connections never break this way.
    virtual bool broken() const { return false; }

    virtual sql::dialect dialect() const = 0;
    // " FOR UPDATE" on MySQL, "" on SQLite (whose write transaction already holds the database lock).
    const char* for_update() const { return dialect() == sql::dialect::mysql ? " FOR UPDATE" : ""; }
    // "sqlite" or "mysql", for health output and logs.
    std::string backend_name() const { return dialect() == sql::dialect::mysql ? "mysql" : "sqlite"; }

    // Who hears which records this connection's writes changed (the server's cache of household files,
    // service/household_file_cache.hpp). Set once by the connection's owner; none by default.
    using change_observer = std::function<void(const std::string& record)>;
    void set_change_observer(change_observer observer) { observer_ = std::move(observer); }

    // Repositories name each record a statement changed ("household/12", "areas"). Inside a transaction the
    // observer hears of it once the transaction has ended, committed or not (sql::transaction calls
    // tell_changes(); a commit whose answer was lost may still have happened), never before: a reader must not
    // fetch the old row again after being told. Outside a transaction, at once.
    void record_changed(std::string record) {
        if (!observer_) return;
        if (!in_transaction()) observer_(record);
        else if (changed_.empty() || changed_.back() != record) changed_.push_back(std::move(record));
    }
    void tell_changes() {
        if (changed_.empty()) return;
        auto changed = std::move(changed_);
        changed_.clear();
        for (const auto& record : changed) observer_(record);
    }

protected:
    connection() = default;

private:
    change_observer observer_;
    std::vector<std::string> changed_;  // by the open transaction
};

}  // namespace fupin::server::sql
