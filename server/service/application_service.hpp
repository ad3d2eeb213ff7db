#pragma once
// The cases of the identification and exit procedures and their steps (docs/procedure.md): a household applies
// (or its village proposes its exit), and each step (verification, the exit's vote and acknowledgement, township
// review, county approval, registration or exit, refusals and returns) moves its case in one transaction that
// also writes the case's history, its audit entry and its outbox event. What a step may do is read from
// common/application_workflow (the one table); who qualifies from common/identification_rules and
// common/exit_rules. Identification's village appraisal, postings and objections, which move many cases or
// hold them, have services of their own.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/identification_rules.hpp"
#include "common/procedure.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

// What a clerk asks of one step.
struct step_request {
    // group_appraise, verify, sign, review, approve, register, refuse, return; for an exit also appraise,
    // acknowledge, exit
    std::string action;
    std::optional<std::int64_t> version;
    std::string note;
    std::string reason;
    std::optional<common::exit_vote> vote;                        // the exit's appraise, and only it
    std::optional<common::exit_acknowledgement> acknowledgement;  // the exit's acknowledge, and only it
};

class application_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit application_service(clock now);

    // A pending household's application, or an exited one's that fell back (返贫): the identification rules
    // must find it eligible.
    common::application apply(sql::connection& db, const principal& who, std::int64_t household_id, int year,
                              const std::string& note) const;
    // The village's proposal that a registered household leave poverty: it must meet the year's exit standard.
    common::application propose_exit(sql::connection& db, const principal& who, std::int64_t household_id, int year,
                                     const std::string& note) const;
    common::application step(sql::connection& db, const principal& who, std::int64_t id,
                             const step_request& request) const;
    // The same step for many cases, all or none (a village's list).
    std::vector<common::application> step_many(sql::connection& db, const principal& who,
                                               const std::vector<std::int64_t>& ids, const step_request& request) const;

    common::application get(sql::connection& db, const principal& who, std::int64_t id) const;
    std::vector<common::application> list(sql::connection& db, const principal& who,
                                          const common::application_filter& filter) const;
    common::identification_verdict verdict(sql::connection& db, const principal& who, std::int64_t household_id,
                                           int year) const;

private:
    common::application open_case(sql::connection& db, const principal& who, std::string_view kind,
                                  std::int64_t household_id, int year, const std::string& note) const;
    common::application take_step(sql::connection& db, const principal& who, std::int64_t id,
                                  const step_request& request, std::int64_t now) const;
    // Before a step the department lists may stop (application_workflow::stopped_by_department_flags): members
    // they name are flagged, in a transaction of their own (department_check_service::raise_new_flags), so the
    // flags stay if the step is refused.
    void raise_department_flags(sql::connection& db, const principal& who, const std::vector<std::int64_t>& ids,
                                const std::string& action) const;

    clock now_;
};

}  // namespace fupin::server::service
