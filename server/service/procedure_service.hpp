#pragma once
// The identification procedure's use cases (docs/procedure.md): applications, steps, village appraisals,
// postings, objections. Each runs in one transaction that also writes the case's history, its audit entry and
// its outbox event. What a step may do is read from common/application_workflow (the one table); who qualifies
// from common/identification_rules; when a posting is over from common/posting_period, on the server's clock.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
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
    std::string action;  // group_appraise, verify, sign, review, approve, register, refuse, return
    std::optional<std::int64_t> version;
    std::string note;
    std::string reason;
};

class procedure_service {
public:
    using clock = std::function<std::int64_t()>;
    procedure_service(clock now, common::posting_days days);

    common::application apply(sql::connection& db, const principal& who, std::int64_t household_id, int year,
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

    std::vector<common::ranking_entry> proposal(sql::connection& db, const principal& who,
                                                const std::string& village_code, int year) const;
    common::appraisal appraise(sql::connection& db, const principal& who, common::appraisal input) const;

    // ids empty: every case of the area and year in the state before this posting.
    common::posting publish(sql::connection& db, const principal& who, const std::string& level,
                            const std::string& area_code, int year, std::vector<std::int64_t> ids) const;
    common::posting get_posting(sql::connection& db, const principal& who, std::int64_t id) const;
    std::vector<common::posting> list_postings(sql::connection& db, const principal& who, const std::string& area_code,
                                               int year, const std::string& level) const;

    common::objection object(sql::connection& db, const principal& who, std::int64_t application_id,
                             common::objection input) const;
    std::vector<common::objection> objections(sql::connection& db, const principal& who,
                                              std::int64_t application_id) const;
    // outcome: upheld | dismissed; consequence (upheld): refuse | return.
    common::objection answer(sql::connection& db, const principal& who, std::int64_t objection_id,
                             const std::string& outcome, const std::string& answer_text,
                             const std::string& consequence) const;

private:
    common::application take_step(sql::connection& db, const principal& who, std::int64_t id,
                                  const step_request& request, std::int64_t now) const;

    clock now_;
    common::posting_days days_;
};

}  // namespace fupin::server::service
