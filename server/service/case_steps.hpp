#pragma once
// What every step of a case (identification or exit) writes and checks, whichever use case takes it
// (application_service, appraisal_service, posting_service, objection_service): the case locked and read
// under the caller's access, the step's history row with its audit entry and outbox event, the errors that
// explain a refused step. Every function runs inside the caller's transaction.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/exit_rules.hpp"
#include "common/household.hpp"
#include "common/identification_rules.hpp"
#include "common/procedure.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service::case_steps {

common::api_error application_not_found();
// A step the case's state does not allow (409 step_out_of_order), naming the steps that would be.
common::api_error out_of_order(const common::application& a, std::string_view wanted);
// A household the rules refuse (409 not_eligible), with the reasons why.
common::api_error not_eligible(const common::identification_verdict& v);
// A household short of the exit standard (409 exit_standard_not_met), with each shortfall.
common::api_error exit_standard_not_met(const common::exit_verdict& v);

// The date in China on the server's clock.
std::chrono::year_month_day today(std::int64_t now_ms);

// The case locked for this transaction, if the caller may read its village; else not found or forbidden.
common::application load_case_for_update(sql::connection& db, const principal& who, std::int64_t id);
common::household load_household(sql::connection& db, std::int64_t id);
// The rules of a case's kind on the household's current file: identification's on the year's poverty line, or
// the year's exit standard on the server's day (`now`). Refuses with not_eligible or exit_standard_not_met
// (naming the case when `application_id` is not 0); otherwise the verdict, for the step's details.
nlohmann::json judge_case(sql::connection& db, std::string_view kind, std::int64_t household_id, int year,
                          std::int64_t now, std::int64_t application_id = 0);

// Moves the case to `to_state` and writes everything a step writes besides: its history row, its event and its
// audit entry. The case must be locked by this transaction.
void record_step(sql::connection& db, const principal& who, common::application& a, std::string_view act,
                 std::string_view to_state, const std::string& note, const std::string& reason,
                 nlohmann::json details, std::int64_t now);

// A case leaving its level, refused (final) or back to an earlier step: its posting is left, its open
// objections are closed with it (as upheld together with decided_by_objection, 0 when a step decided).
void leave(sql::connection& db, const principal& who, common::application& a, std::string_view act,
           std::string_view target, const std::string& note, const std::string& reason, nlohmann::json details,
           std::int64_t decided_by_objection, std::int64_t now);

// Refuses the step after a posting while the posting runs or an objection is open; names the posting in
// details when it is over.
void require_posting_over(sql::connection& db, const common::application& a, std::int64_t now,
                          nlohmann::json& details);

}  // namespace fupin::server::service::case_steps
