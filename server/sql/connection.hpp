#pragma once
// One database connection, used by one thread at a time. Repositories are written once against this
// interface; only DDL (schema/) and the rare dialect difference (dialect(), for_update()) differ per backend.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "server/sql/change_observer.hpp"
#include "server/sql/row.hpp"
#include "server/sql/value.hpp"

namespace fupin::server::sql {

// read: a consistent read, every statement of it seeing one snapshot (SQLite's read transaction; MySQL's
// REPEATABLE READ WITH CONSISTENT SNAPSHOT); write: the transaction will write. SQLite takes the write lock at
// BEGIN (BEGIN IMMEDIATE) so two writers never deadlock on the upgrade; MySQL starts a plain READ COMMITTED
// transaction and read-modify-write paths lock rows with SELECT ... FOR UPDATE (see for_update()).
enum class tx_mode { read, write };

enum class dialect { sqlite, mysql };

class connection {
public:
    // A transaction left open (its owner gave the connection up) has ended too.
    virtual ~connection() { tell_changes(); }
    connection(const connection&) = delete;
    connection& operator=(const connection&) = delete;

    // One statement with `?` placeholders. Prepared statements are cached per connection by SQL text, so
    // pass constant text and put values in params. Returns the rows matched (MySQL: found, not changed).
    virtual std::int64_t execute(std::string_view sql, const std::vector<value>& params = {}) = 0;
    virtual std::vector<row> query(std::string_view sql, const std::vector<value>& params = {}) = 0;
    // Several statements separated by `;`, no parameters, not cached. For migrations and test set-up.
    virtual void execute_script(std::string_view script) = 0;
    virtual std::int64_t last_insert_id() = 0;
    // Runs one INSERT of `rows` rows into a table whose key `id_column` the database assigns, and returns the
    // ids it gave them, in row order. MariaDB answers them with the INSERT (RETURNING); MySQL is asked for
    // LAST_INSERT_ID() after it (the rows' ids are then evenly spaced from it); SQLite knows the last rowid.
    virtual std::vector<std::int64_t> insert_with_ids(std::string_view sql, const std::vector<value>& params,
                                                      std::size_t rows, std::string_view id_column) = 0;
    // Whether insert_with_ids() may be given several rows at once. Not on MySQL in its interleaved
    // auto-increment lock mode (innodb_autoinc_lock_mode = 2, MySQL 8's default), where one statement's ids
    // need not be evenly spaced: insert one row per statement there.
    virtual bool multi_row_insert_ids() const = 0;

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

    // Who hears which records this connection's writes change (change_observer.hpp). Set once by the
    // connection's owner; none by default.
    void set_change_observer(std::shared_ptr<change_observer> observer) { observer_ = std::move(observer); }

    // Repositories name each record they change (common::record_key) right after their first statement
    // that changes it. The observer hears changing() at once and changed() when the write has ended: for a
    // transaction, when sql::transaction commits or rolls back (tell_changes()), never before the commit; for a
    // statement outside a transaction, at once.
    void record_changed(const common::record_key& record) {
        if (!observer_) return;
        if (!in_transaction()) {
            observer_->changing(record);
            observer_->changed(record);
            return;
        }
        if (std::find(changed_.begin(), changed_.end(), record) != changed_.end()) return;
        changed_.push_back(record);  // first: changing() must always be followed by changed()
        observer_->changing(record);
    }
    void tell_changes() noexcept {
        auto changed = std::move(changed_);
        changed_.clear();
        if (observer_)
            for (const auto& record : changed) observer_->changed(record);
    }

protected:
    connection() = default;

private:
    std::shared_ptr<change_observer> observer_;
    std::vector<common::record_key> changed_;  // by the open transaction
};

}  // namespace fupin::server::sql
