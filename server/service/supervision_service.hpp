#pragma once
// 专项督查 (plan 六; docs/protocol.md "Supervision"): the county weights the indicators of a year; every
// township is ranked by them (common::rank_townships, from its progress against the campaign's phases, its
// complete files, its cases with an upheld objection and its spot checks); supervisors record 通报表扬 and
// 通报批评 on a township, which the ranking shows beside its figures. Rankings are computed when asked, from
// the archive as it is then: a circular that was sent out is the PDF kept, not a stored ranking.
#include <cstdint>
#include <functional>
#include <string>

#include "common/supervision.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class supervision_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit supervision_service(clock now);

    // run_campaign (the county's poverty office and administrators). 422 as validate_supervision_weights says.
    common::supervision_weights set_weights(sql::connection& db, const principal& who,
                                            common::supervision_weights w) const;
    // 404 supervision_weights_not_set when the county has set none for the year.
    common::supervision_weights weights(sql::connection& db, const principal& who, int year) const;
    // issue_notices (supervisors and the poverty office), on a township within the caller's area; 404 when there
    // is no such township.
    common::supervision_note add_note(sql::connection& db, const principal& who, common::supervision_note n) const;
    // Every township of the county is ranked; the answer holds those within `area` (the county, or a township
    // within the caller's; "" the caller's own), each with its rank among all. A village's office is refused (403):
    // the ranking is of townships. 404 campaign_not_set or supervision_weights_not_set.
    common::supervision_ranking ranking(sql::connection& db, const principal& who, int year,
                                        const std::string& area) const;

private:
    clock now_;
};

}  // namespace fupin::server::service
