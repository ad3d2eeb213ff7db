#include "server/service/audit_trail.hpp"

#include <stdexcept>

#include "server/service/run_in_transaction.hpp"
#include "server/storage/audit_repository.hpp"

namespace fupin::server::service {
namespace {

storage::audit_entry make_entry(const audit_actor& actor, std::string action, std::string record,
                                std::string outcome, const nlohmann::json& changes, std::int64_t now_ms) {
    storage::audit_entry e;
    e.at_ms = now_ms;
    e.username = actor.username;
    e.role = actor.role;
    e.certificate_subject = actor.certificate_subject;
    e.action = std::move(action);
    e.record = std::move(record);
    e.outcome = std::move(outcome);
    // replace: text from the network may be ill-formed UTF-8; the trail must still be written.
    e.changes = changes.is_null() ? "{}" : changes.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return e;
}

}  // namespace

void audit_trail::record(sql::connection& db, const audit_actor& actor, std::string action, std::string record,
                         std::string outcome, nlohmann::json changes, std::int64_t now_ms) {
    auto e = make_entry(actor, std::move(action), std::move(record), std::move(outcome), changes, now_ms);
    storage::audit_repository(db).append(e);
}

storage::audit_entry audit_trail::prepare(const audit_actor& actor, std::string action, std::string record,
                                          std::string outcome, const nlohmann::json& changes, std::int64_t now_ms) {
    if (!changes.is_null() && !changes.is_object()) throw std::invalid_argument("audit changes must be a JSON object");
    auto e = make_entry(actor, std::move(action), std::move(record), std::move(outcome), changes, now_ms);
    storage::audit_repository::prepare_canonical(e);  // make_entry's dump is the canonical form
    return e;
}

void audit_trail::append(sql::connection& db, storage::audit_entry& entry) {
    storage::audit_repository(db).append_prepared(entry);
}

void audit_trail::append_all(sql::connection& db, std::span<storage::audit_entry> entries) {
    storage::audit_repository(db).append_all_prepared(entries);
}

void audit_trail::record_in_own_transaction(sql::connection& db, const audit_actor& actor, std::string action,
                                            std::string record, std::string outcome, nlohmann::json changes,
                                            std::int64_t now_ms) {
    if (db.in_transaction())
        throw std::logic_error("audit_trail::record_in_own_transaction called inside a transaction");
    const auto entry = make_entry(actor, std::move(action), std::move(record), std::move(outcome), changes, now_ms);
    run_in_transaction(db, sql::tx_mode::write, [&] {
        auto e = entry;  // a fresh copy per attempt: append() fills seq and hashes
        storage::audit_repository(db).append(e);
    });
}

}  // namespace fupin::server::service
