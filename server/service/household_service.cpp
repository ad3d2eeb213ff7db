#include "server/service/household_service.hpp"

#include <algorithm>
#include <optional>

#include "common/api_error.hpp"
#include "common/china_date.hpp"
#include "common/household_validation.hpp"
#include "common/name_mask.hpp"
#include "common/vocabulary.hpp"
#include "common/household_json.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_diff.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/idempotency_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;

using storage::household_repository;
std::string record_of(std::int64_t id) { return household_repository::record_of(id); }

// The change event of a file: within its area only (a file's contents are never public), without ID numbers.
storage::change_event change_event(const char* kind, const common::household& h, std::int64_t now) {
    const nlohmann::json summary{{"household_id", h.id},         {"version", h.version},
                                 {"status", h.status},           {"head_name", h.head_name},
                                 {"household_size", h.members.size()}, {"township_code", h.township_code},
                                 {"village_code", h.village_code}, {"village_name", h.village_name}};
    return event_outbox::make(kind, record_of(h.id), {h.township_code, h.village_code}, summary, nullptr, now);
}

api_error household_not_found() { return api_error::not_found("该户档案", "household file"); }

// An area code must exist at the right level under the right parent.
std::string require_area(const std::map<std::string, common::area>& areas, const std::string& code,
                         const std::string& level, const std::string& parent, const std::string& field) {
    const auto it = areas.find(code);
    const common::area* found = it == areas.end() ? nullptr : &it->second;
    if (!found || found->level != level || found->parent_code != parent)
        throw api_error::invalid_field(field, "unknown_area", "区划代码 " + code + " 不是本县登记的" +
                                           (level == "township" ? std::string("乡镇")
                                            : level == "village" ? std::string("村")
                                                                 : std::string("村小组")),
                                       "division code " + code + " is not a registered " + level + " of the county");
    return found->name;
}

}  // namespace

// One create as it waits for its batch (group_commit.hpp) and comes back with its outcome.
struct household_service::pending_create {
    const principal* who = nullptr;
    common::household input;  // validated; its areas and people are checked in the batch's transaction
    std::string idempotency_key;
    std::string request_hash;
    std::optional<create_result> result;
    std::exception_ptr error;
};

household_service::household_service(clock now, std::shared_ptr<household_file_cache> files)
    : now_(std::move(now)),
      files_(std::move(files)),
      creates_(std::make_shared<group_commit<pending_create>>(max_creates_per_batch)) {}

std::map<std::string, common::area> household_service::areas_of(sql::connection& db,
                                                                 std::span<const common::household* const> files) {
    // All their codes in one query: a create is a dozen statements, each a round trip on MariaDB.
    std::vector<std::string> codes;
    for (const auto* h : files) codes.insert(codes.end(), {h->township_code, h->village_code, h->group_code});
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    return storage::area_repository(db).find_all(codes);
}

std::map<std::string, storage::person_location> household_service::people_of(
    sql::connection& db, std::span<const common::household* const> files) {
    std::vector<std::string> id_numbers;
    for (const auto* h : files)
        for (const auto& m : h->members) id_numbers.push_back(m.id_number);
    return storage::household_repository(db).find_people(id_numbers);
}

void household_service::check_areas(const std::map<std::string, common::area>& areas, common::household& h) {
    h.township_name = require_area(areas, h.township_code, "township", h.township_code.substr(0, 6), "township_code");
    h.village_name = require_area(areas, h.village_code, "village", h.township_code, "village_code");
    h.group_name = require_area(areas, h.group_code, "group", h.village_code, "group_code");
}

void household_service::check_people(const std::map<std::string, storage::person_location>& registered,
                                     const principal& who, const common::household& h) {
    for (std::size_t i = 0; i < h.members.size(); ++i) {
        auto it = registered.find(h.members[i].id_number);
        if (it == registered.end() || it->second.household_id == h.id) continue;
        const auto* found = &it->second;
        const bool own = access_policy::area_covers(who.area_code, found->village_code);
        api_error error(409, "person_already_registered",
                        "该成员已在" + found->township_name + found->village_name + "的农户档案中登记,一人只能属于一户",
                        "this person is already in a household file of " + found->village_name + ", " +
                            found->township_name + "; a person belongs to one household only",
                        "members[" + std::to_string(i) + "].id_number");
        // What GET /api/v1/people answers about the same person (person_lookup_service), no more.
        error.with_detail("township_code", found->township_code)
            .with_detail("township_name", found->township_name)
            .with_detail("village_code", found->village_code)
            .with_detail("village_name", found->village_name)
            .with_detail("household_status", found->household_status)
            .with_detail("name", own ? found->name : common::mask_name(found->name));
        // Another township's file number is none of this caller's business.
        if (own) error.with_detail("household_id", std::to_string(found->household_id));
        throw error;
    }
}

household_service::create_result household_service::create(sql::connection& db, const principal& who,
                                                            common::household input,
                                                            const std::string& idempotency_key,
                                                            const std::string& request_hash) const {
    input.id = 0;
    input.status = "pending";
    common::derive(input);
    common::validate(input, common::china_date_of_ms(now_()));
    access_policy::require(who, permission::write_households, input.village_code);

    pending_create mine{&who, std::move(input), idempotency_key, request_hash, std::nullopt, nullptr};
    creates_->run(db, mine, [this](sql::connection& leader, std::span<pending_create* const> batch) {
        write_creates(leader, batch);
    });
    if (mine.error) std::rethrow_exception(mine.error);
    return std::move(*mine.result);
}

void household_service::write_creates(sql::connection& db, std::span<pending_create* const> batch) const {
    if (batch.size() > 1) {
        try {
            write_together(db, batch);
            return;
        } catch (const sql::constraint_violation&) {
            // Two of the batch name the same person or key, or one lost a race with another transaction:
            // nothing was written. Each is written alone below, and then answered precisely.
        }
    }
    for (auto* one : batch) {
        try {
            // A lost race on a unique key (the same person, or the same Idempotency-Key, registered by a
            // concurrent request or earlier) is run once more: the checks then see the winner and answer.
            for (int attempt = 1;; ++attempt) {
                try {
                    write_together(db, std::span<pending_create* const>(&one, 1));
                    break;
                } catch (const sql::constraint_violation&) {
                    if (attempt >= 2) throw;
                }
            }
        } catch (...) {
            one->error = std::current_exception();
        }
    }
}

void household_service::write_together(sql::connection& db, std::span<pending_create* const> batch) const {
    const auto now = now_();
    std::vector<std::optional<create_result>> results;
    std::vector<std::exception_ptr> errors;
    run_in_transaction(db, sql::tx_mode::write, [&] {
        results.assign(batch.size(), std::nullopt);
        errors.assign(batch.size(), nullptr);
        // A refusal is the answer to its own request only: the rest of the batch goes on without it.
        auto refuse = [&](std::size_t i, auto&& check) {
            try {
                check();
                return false;
            } catch (const api_error&) {
                errors[i] = std::current_exception();
                return true;
            }
        };
        storage::idempotency_repository keys(db);
        storage::household_repository households(db);

        // The keys are read after the people: a retry whose first request commits in between is then seen by
        // the key lookup and replayed, not refused as a person registered twice. If it commits later still,
        // this transaction loses on a unique key below, and is run again.
        std::vector<const common::household*> inputs;
        std::vector<std::pair<std::string, std::string>> scoped_keys;
        for (const auto* c : batch) {
            inputs.push_back(&c->input);
            if (!c->idempotency_key.empty()) scoped_keys.emplace_back(c->who->area_code, c->idempotency_key);
        }
        const auto areas = areas_of(db, inputs);
        const auto registered = people_of(db, inputs);
        const auto used_keys = keys.find_all(scoped_keys);

        std::vector<std::size_t> written;
        std::vector<common::household> stored;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const auto& c = *batch[i];
            const auto used = std::find_if(used_keys.begin(), used_keys.end(), [&](const auto& k) {
                return !c.idempotency_key.empty() && k.scope == c.who->area_code && k.key == c.idempotency_key;
            });
            if (used != used_keys.end()) {
                refuse(i, [&] {
                    if (used->request_hash != c.request_hash)
                        throw api_error(422, "idempotency_key_reused", "该幂等键已用于另一份不同的请求",
                                        "this Idempotency-Key was already used for a different request");
                    auto earlier = households.find(used->household_id);
                    if (!earlier) throw household_not_found();
                    access_policy::require(*c.who, permission::read_households, earlier->village_code);
                    results[i] = create_result{std::move(*earlier), true};
                });
                continue;
            }
            common::household h = c.input;
            if (refuse(i, [&] {
                    check_areas(areas, h);
                    check_people(registered, *c.who, h);
                }))
                continue;
            written.push_back(i);
            stored.push_back(std::move(h));
        }
        households.insert_all(stored, now);  // sets ids, versions, times: `stored` is now what reads return

        std::vector<storage::idempotency_record> claimed;
        std::vector<storage::change_event> events;
        std::vector<storage::audit_entry> entries;
        for (std::size_t k = 0; k < written.size(); ++k) {
            const auto& c = *batch[written[k]];
            const auto& h = stored[k];
            if (!c.idempotency_key.empty())
                claimed.push_back({c.who->area_code, c.idempotency_key, c.request_hash, h.id, now});
            events.push_back(change_event("household.created", h, now));
            entries.push_back(audit_trail::prepare(audit_actor::of(*c.who), "household.create", record_of(h.id), "ok",
                                                   audit_diff::changes(nullptr, common::to_json(h)), now));
        }
        keys.insert_all(claimed);
        // Everything is made before the outbox's head is taken: from there to the commit, writes run one at a
        // time (event_repository.cpp).
        event_outbox::append_all(db, events);
        audit_trail::append_all(db, entries);
        for (std::size_t k = 0; k < written.size(); ++k) results[written[k]] = create_result{std::move(stored[k]), false};
    });
    for (std::size_t i = 0; i < batch.size(); ++i) {
        batch[i]->result = std::move(results[i]);
        batch[i]->error = errors[i];
    }
}

group_commit_counts household_service::create_counts() const { return creates_->counts(); }

common::household household_service::get(sql::connection& db, const principal& who, std::int64_t id) const {
    // One statement (household_repository::find) sees one consistent state: no transaction needed around it.
    auto found = storage::household_repository(db).find(id);
    if (!found) throw household_not_found();
    access_policy::require(who, permission::read_households, found->village_code);
    return std::move(*found);
}

std::shared_ptr<const std::string> household_service::get_json(sql::connection& db, const principal& who,
                                                               std::int64_t id) const {
    const bool caching = files_ && files_->enabled();
    if (caching)
        if (auto cached = files_->find(id)) {
            access_policy::require(who, permission::read_households, cached->village_code);
            return cached->json;
        }
    const auto ticket = caching ? files_->before_read(id) : 0;
    const auto found = get(db, who, id);
    auto json = std::make_shared<const std::string>(common::to_json(found).dump());
    if (caching) files_->store(id, {found.version, found.village_code, json}, ticket);
    return json;
}

std::shared_ptr<const std::string> household_service::get_json_from_memory(const principal& who,
                                                                           std::int64_t id) const {
    if (!files_) return nullptr;
    auto cached = files_->find(id);
    if (!cached || !access_policy::allows(who, permission::read_households, cached->village_code)) return nullptr;
    return cached->json;
}

common::household household_service::update(sql::connection& db, const principal& who, std::int64_t id,
                                             common::household input) const {
    const auto now = now_();
    if (input.version <= 0)
        throw api_error::invalid_field("version", "missing_field", "更新时必须给出所依据的版本号 version",
                                       "an update must name the version it is based on");
    input.id = id;
    common::derive(input);
    common::validate(input, common::china_date_of_ms(now));
    access_policy::require(who, permission::write_households, input.village_code);

    for (int attempt = 1;; ++attempt) {
        try {
            return run_in_transaction(db, sql::tx_mode::write, [&] {
                storage::household_repository households(db);
                auto current = households.find(id);
                if (!current) throw household_not_found();
                access_policy::require(who, permission::write_households, current->village_code);
                auto version_conflict = [&](std::int64_t current_version) {
                    api_error error(409, "version_conflict",
                                    "该户档案已被他人修改(当前版本 " + std::to_string(current_version) +
                                        "),请重新读取后再修改",
                                    "the household file was changed by someone else (now version " +
                                        std::to_string(current_version) + "); read it again and redo the change",
                                    "version");
                    error.with_detail("current_version", std::to_string(current_version));
                    return error;
                };
                if (current->version != input.version) throw version_conflict(current->version);
                common::household stored = input;
                const common::household* file = &stored;
                check_areas(areas_of(db, {&file, 1}), stored);
                check_people(people_of(db, {&file, 1}), who, stored);
                stored.status = current->status;  // the procedure changes the status, not an edit
                if (!households.update(stored, input.version, now)) {
                    auto latest = households.find(id);
                    throw version_conflict(latest ? latest->version : input.version + 1);
                }
                auto entry = audit_trail::prepare(  // before the outbox's head, as in create()
                    audit_actor::of(who), "household.update", record_of(id), "ok",
                    audit_diff::changes(common::to_json(*current), common::to_json(stored)), now);
                event_outbox::append_all(db, {change_event("household.updated", stored, now)});
                audit_trail::append(db, entry);
                return stored;
            });
        } catch (const sql::constraint_violation&) {
            if (attempt >= 2) throw;
        }
    }
}

common::household_page household_service::list(sql::connection& db, const principal& who,
                                               common::household_filter filter) const {
    access_policy::require(who, permission::read_households);
    // Every filter must lie inside the user's area or contain it; the user's own area always narrows the list.
    for (auto* code : {&filter.township_code, &filter.village_code, &filter.group_code}) {
        if (code->empty() || access_policy::area_covers(who.area_code, *code)) continue;
        if (access_policy::area_covers(*code, who.area_code)) {
            code->clear();  // an ancestor of the user's area: the user's area below is narrower
            continue;
        }
        throw api_error(403, "area_forbidden", "只能查看您负责区域内的农户档案", "you may only list files of your own area");
    }
    if (who.area_code.size() == 9 && filter.township_code.empty()) filter.township_code = who.area_code;
    if (who.area_code.size() == 12 && filter.village_code.empty()) filter.village_code = who.area_code;
    if (!filter.status.empty() && !common::is_valid(common::vocabulary::household_statuses, filter.status))
        throw api_error(400, "invalid_parameter",
                        "参数 status 必须是 " + common::allowed_codes(common::vocabulary::household_statuses) + " 之一",
                        "parameter status must be one of " + common::allowed_codes(common::vocabulary::household_statuses),
                        "status");
    try {
        return run_in_transaction(db, sql::tx_mode::read, [&] {
            storage::household_repository households(db);
            return households.list(filter);
        });
    } catch (const std::invalid_argument&) {
        throw api_error(400, "invalid_parameter", "参数 page_token 无效,请从第一页重新查询",
                        "parameter page_token is not valid; start again from the first page", "page_token");
    }
}

}  // namespace fupin::server::service
