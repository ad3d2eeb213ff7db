#include "server/service/household_service.hpp"

#include "common/api_error.hpp"
#include "common/china_date.hpp"
#include "common/household_validation.hpp"
#include "common/utf8.hpp"
#include "common/vocabulary.hpp"
#include "common/household_json.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_diff.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/household_access.hpp"
#include "server/service/household_checks.hpp"
#include "server/service/household_event.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/application_repository.hpp"
#include "server/storage/household_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
std::string record_of(std::int64_t id) { return storage::household_repository::record_of(id).text(); }

}  // namespace

household_service::household_service(clock now, std::shared_ptr<household_file_cache> files,
                                     bool batch_creates, batch_observer* observer)
    : now_(now), files_(std::move(files)), creator_(std::make_shared<household_creator>(now, batch_creates, observer)) {}

household_service::create_result household_service::create(sql::connection& db, const principal& who,
                                                            common::household input,
                                                            const std::string& idempotency_key,
                                                            const std::string& request_hash) const {
    return creator_->create(db, who, std::move(input), idempotency_key, request_hash);
}

common::household household_service::get(sql::connection& db, const principal& who, std::int64_t id) const {
    // One statement (household_repository::find) sees one consistent state: no transaction needed around it.
    auto found = storage::household_repository(db).find(id);
    if (!found) throw household_checks::not_found();
    require_over_household(db, who, permission::read_households, id, found->village_code);
    return std::move(*found);
}

std::shared_ptr<const std::string> household_service::get_json(sql::connection& db, const principal& who,
                                                               std::int64_t id) const {
    const bool caching = files_ && files_->enabled();
    if (caching)
        if (auto cached = files_->find(id)) {
            require_over_household(db, who, permission::read_households, id, cached->village_code);
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
                                             common::household input, const update_options& options) const {
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
                if (!households.lock(id)) throw household_checks::not_found();
                auto current = households.find(id);
                if (!current) throw household_checks::not_found();
                access_policy::require(who, permission::write_households, current->village_code);
                // A case belongs to the village that appraises, posts and holds its quota place: a file with an
                // open case stays in its village until the case has ended (apply locks the file as well).
                if (input.village_code != current->village_code) {
                    if (auto open = storage::application_repository(db).find_open_by_household(id))
                        throw api_error(409, "open_case_in_village",
                                        "该户有未办结的识别或退出案件(第" + std::to_string(open->id) +
                                            "号),办结前不能迁往其他村",
                                        "the household has an open case (" + std::to_string(open->id) +
                                            "); it cannot move to another village before the case has ended",
                                        "village_code")
                            .with_detail("application_id", std::to_string(open->id));
                }
                auto version_conflict = [](std::int64_t current_version) {
                    return api_error::version_conflict("该户档案", "the household file", current_version);
                };
                if (current->version != input.version) throw version_conflict(current->version);
                common::household stored = input;
                const common::household* file = &stored;
                household_checks::load(db, {&file, 1}).check(who, stored);
                stored.status = current->status;  // the procedure changes the status, not an edit
                if (!households.update(stored, input.version, now)) {
                    auto latest = households.find(id);
                    throw version_conflict(latest ? latest->version : input.version + 1);
                }
                if (options.also) options.also(db, *current, stored, now);
                auto entry = audit_trail::prepare(  // before the outbox's head, as in create()
                    audit_actor::of(who), options.audit_action, record_of(id), "ok",
                    audit_diff::changes(common::to_json(*current), common::to_json(stored)), now);
                event_outbox::append_all(db, {household_event("household.updated", stored, now)});
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
    if (!filter.main_cause.empty() && !common::is_valid(common::vocabulary::poverty_causes, filter.main_cause))
        throw api_error(400, "invalid_parameter",
                        "参数 cause 必须是 " + common::allowed_codes(common::vocabulary::poverty_causes) + " 之一",
                        "parameter cause must be one of " + common::allowed_codes(common::vocabulary::poverty_causes),
                        "cause");
    const auto search_length = common::utf8_length(filter.search);
    if (!search_length || *search_length > 50 || common::has_control_characters(filter.search))
        throw api_error(400, "invalid_parameter", "参数 q 应为不超过50个字的姓名或身份证号",
                        "parameter q must be a name or ID number of at most 50 characters", "q");
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
