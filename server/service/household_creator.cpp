#include "server/service/household_creator.hpp"

#include <exception>
#include <stdexcept>

#include "common/api_error.hpp"
#include "common/china_date.hpp"
#include "common/household_json.hpp"
#include "common/household_validation.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_diff.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/household_checks.hpp"
#include "server/service/household_event.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/idempotency_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
using storage::household_repository;

// An area of a create changed between its check and its write (recheck_areas): the create is checked again.
struct areas_changed : std::runtime_error {
    areas_changed() : std::runtime_error("an area was changed after the create was checked") {}
};

}  // namespace

// One create, from its caller's checks through its batch to its outcome.
struct household_creator::pending {
    const principal* who = nullptr;
    std::string idempotency_key;
    std::string request_hash;
    common::household stored;   // checked, with its area names and times: what a read returns, but for its id
    storage::audit_entry entry;  // prepared; its record, seq and hashes are set when it is appended
    std::optional<result> outcome;
    std::exception_ptr error;
    bool write_alone = false;  // the batch was refused: its caller writes it alone, on its own connection
};

household_creator::household_creator(clock now, bool batch, batch_observer* observer)
    : now_(std::move(now)), batch_(batch), observer_(observer), batches_(observer) {}

household_creator::result household_creator::create(sql::connection& db, const principal& who,
                                                     common::household input, const std::string& idempotency_key,
                                                     const std::string& request_hash) {
    const auto now = now_();
    input.id = 0;
    input.status = "pending";
    input.version = 1;
    input.created_at_ms = now;
    input.updated_at_ms = now;
    common::derive(input);
    common::validate(input, common::china_date_of_ms(now));
    access_policy::require(who, permission::write_households, input.village_code);

    pending mine{&who, idempotency_key, request_hash, std::move(input), {}, std::nullopt, nullptr, false};
    if (batch_)
        if (auto replay = check_or_replay(db, mine)) return std::move(*replay);
    // The entry is rendered here, in parallel with the other creates, not in the batch's transaction. The
    // file's id is not known yet: the entry's record names it ("household/<id>"), its changes do not.
    auto changes = audit_diff::changes(nullptr, common::to_json(mine.stored));
    changes.erase("id");
    mine.entry = audit_trail::prepare(audit_actor::of(who), "household.create", "", "ok", changes, now);

    if (!batch_) {
        write_alone(db, mine);
    } else {
        batches_.run(db, mine, write);
        if (mine.write_alone) {
            if (observer_) observer_->written_alone();
            write_alone(db, mine);
        }
    }
    if (mine.error) std::rethrow_exception(mine.error);
    return std::move(*mine.outcome);
}

std::optional<household_creator::result> household_creator::find_replay(sql::connection& db, const pending& p) {
    if (p.idempotency_key.empty()) return std::nullopt;
    const auto earlier = storage::idempotency_repository(db).find(p.who->area_code, p.idempotency_key);
    if (!earlier) return std::nullopt;
    if (earlier->request_hash != p.request_hash)
        throw api_error(422, "idempotency_key_reused", "该幂等键已用于另一份不同的请求",
                        "this Idempotency-Key was already used for a different request");
    auto stored = household_repository(db).find(earlier->household_id);
    if (!stored) throw household_checks::not_found();
    access_policy::require(*p.who, permission::read_households, stored->village_code);
    return result{std::move(*stored), true};
}

std::optional<household_creator::result> household_creator::check_or_replay(sql::connection& db, pending& p) {
    try {
        check(db, p);
        return std::nullopt;
    } catch (const api_error&) {
        // A retry of a create that was written already is refused here, as a person registered twice: its key
        // finds what it made. The key is read only now, so a create that passes costs no lookup.
        if (auto replay = find_replay(db, p)) return replay;
        throw;
    }
}

void household_creator::check(sql::connection& db, pending& p) {
    const common::household* file = &p.stored;
    household_checks::load(db, {&file, 1}).check(*p.who, p.stored);
}

void household_creator::write(sql::connection& db, std::span<pending* const> batch) {
    try {
        auto outcomes = run_in_transaction(db, sql::tx_mode::write, [&] { return write_rows(db, batch); });
        for (std::size_t i = 0; i < batch.size(); ++i) batch[i]->outcome = std::move(outcomes[i]);
    } catch (...) {
        // Nothing of the batch was written. Two of its creates may name one person or one key, a concurrent
        // write may have overtaken a check, or this connection may have failed: each create is written alone,
        // by its own caller on its own connection, checked again, and answered as if it had come alone.
        for (auto* p : batch) p->write_alone = true;
    }
}

void household_creator::recheck_areas(sql::connection& db, std::span<pending* const> creates) {
    // No key of the database ties a file to its areas, and the checks found them before this transaction: an
    // areas import that moved or renamed one since would go unseen. So they are read again, for all creates in
    // one query, after the outbox head is taken. An import that changes an area appends its
    // event under the same head (archive_import.cpp): it either committed before, and this read (READ
    // COMMITTED on MySQL; SQLite has one writer) sees it, or it commits after these creates, whose checks then
    // held when they were written.
    std::vector<const common::household*> files;
    for (const auto* p : creates) files.push_back(&p->stored);
    const auto areas = household_checks::load_areas(db, files);
    for (const auto* p : creates) {
        common::household now = p->stored;
        try {
            areas.check_areas(now);
        } catch (const common::api_error&) {
            now.village_name.clear();  // moved: it no longer lies where the create says
        }
        if (now.township_name != p->stored.township_name || now.village_name != p->stored.village_name ||
            now.group_name != p->stored.group_name) {
            throw areas_changed();
        }
    }
}

std::vector<household_creator::result> household_creator::write_rows(sql::connection& db,
                                                                     std::span<pending* const> creates) {
    std::vector<common::household> files;
    files.reserve(creates.size());
    for (const auto* p : creates) files.push_back(p->stored);
    household_repository(db).insert_all(files);  // sets the ids: `files` are now what reads return

    std::vector<storage::idempotency_record> keys;
    std::vector<storage::change_event> events;
    std::vector<storage::audit_entry> entries;
    for (std::size_t i = 0; i < creates.size(); ++i) {
        const auto& p = *creates[i];
        const auto& h = files[i];
        if (!p.idempotency_key.empty())
            keys.push_back({p.who->area_code, p.idempotency_key, p.request_hash, h.id, h.created_at_ms});
        events.push_back(household_event("household.created", h, h.created_at_ms));
        entries.push_back(p.entry);
        entries.back().record = household_repository::record_of(h.id).text();
    }
    storage::idempotency_repository(db).insert_all(keys);
    // Everything is made before the outbox's head is taken: from there to the commit, writes run one at a
    // time (event_repository.cpp). Only the second reading of the areas must come after it.
    event_outbox::append_all(db, events);
    recheck_areas(db, creates);
    audit_trail::append_all(db, entries);

    std::vector<result> outcomes;
    outcomes.reserve(files.size());
    for (auto& h : files) outcomes.push_back({std::move(h), false});
    return outcomes;
}

void household_creator::write_alone(sql::connection& db, pending& p) {
    // A lost race on a unique key (the same person, or the same Idempotency-Key, registered by a concurrent
    // request), or an areas import between the check and the write, is run once more: the checks then see the
    // winner, or the new areas, and answer precisely.
    try {
        for (int attempt = 1;; ++attempt) {
            try {
                p.outcome = run_in_transaction(db, sql::tx_mode::write, [&]() -> result {
                    // The key first: a create written alone may be one whose key was reused for other people,
                    // which the checks let pass. And after a refusal again: a retry of this very create may have
                    // committed in between (MySQL reads what is committed), and its sender wants the replay.
                    if (auto replay = find_replay(db, p)) return std::move(*replay);
                    try {
                        check(db, p);
                    } catch (const api_error&) {
                        if (auto replay = find_replay(db, p)) return std::move(*replay);
                        throw;
                    }
                    pending* one = &p;
                    return std::move(write_rows(db, {&one, 1}).front());
                });
                return;
            } catch (const sql::constraint_violation&) {
                if (attempt >= 2) throw;
            } catch (const areas_changed&) {
                if (attempt >= 2) throw;
            }
        }
    } catch (...) {
        p.error = std::current_exception();
    }
}

}  // namespace fupin::server::service
