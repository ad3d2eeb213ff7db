#pragma once
// The server's use cases, made once from its settings and shared by every request. county_server makes them,
// with the caches and the workers they use: the one place where the server is put together. api::add_routes
// only says which endpoint calls which.
#include <memory>

#include "server/server_config.hpp"
#include "server/service/account_service.hpp"
#include "server/service/application_service.hpp"
#include "server/service/appraisal_service.hpp"
#include "server/service/denial_recorder.hpp"
#include "server/service/archive_import_service.hpp"
#include "server/service/area_service.hpp"
#include "server/service/attachment_service.hpp"
#include "server/service/campaign_service.hpp"
#include "server/service/department_check_service.hpp"
#include "server/service/document_service.hpp"
#include "server/service/caches.hpp"
#include "server/service/helper_service.hpp"
#include "server/service/household_service.hpp"
#include "server/service/measure_service.hpp"
#include "server/service/objection_service.hpp"
#include "server/service/pairing_service.hpp"
#include "server/service/person_lookup_service.hpp"
#include "server/service/posting_service.hpp"
#include "server/service/exit_standard_service.hpp"
#include "server/service/review_round_service.hpp"
#include "server/service/spot_check_service.hpp"
#include "server/service/statistics_service.hpp"
#include "server/service/supervision_service.hpp"
#include "server/service/member_change_service.hpp"
#include "server/service/quota_service.hpp"
#include "server/service/sandaohu_service.hpp"
#include "server/service/session_service.hpp"
#include "server/service/visit_service.hpp"

namespace fupin::server::service {

struct services {
    std::shared_ptr<const session_service> sessions;
    std::shared_ptr<const account_service> accounts;
    person_lookup_service lookups;
    household_service households;
    area_service areas;  // the caller's area and those below it
    member_change_service member_changes;  // births, deaths, marriages, moves, new ID numbers
    application_service applications;  // the identification procedure: cases and their steps,
    appraisal_service appraisals;      // the village's democratic appraisal,
    posting_service postings;          // the public postings,
    objection_service objections;      // residents' objections to them
    quota_service quotas;
    exit_standard_service exit_standards;  // the exit standard per year, and files judged against it
    spot_check_service spot_checks;        // samples of the files and their checks (不定期抽查)
    review_round_service review_rounds;    // the half-yearly review (半年审核调整)
    archive_import_service imports;              // the county's existing archive, from a spreadsheet
    attachment_service attachments;              // the files' documents and photos (资料), their completeness
    campaign_service campaigns;                  // the year's campaign phases, each township's progress
    supervision_service supervision;             // the townships' ranking and the notes on them (专项督查)
    department_check_service department_checks;  // other departments' lists and the flags they raise (数据比对)
    helper_service helpers;    // helper units, helpers, the volunteer team
    pairing_service pairings;  // helpers paired with registered households
    measure_service measures;  // measures, projects and plans
    visit_service visits;      // helpers' visits and supervisors' checks
    sandaohu_service sandaohu;  // the 三到户三到人 view
    document_service documents;  // the printed card, registers, books and postings
    statistics_service statistics;  // the county's figures
    std::shared_ptr<denial_recorder> denials;

    // With the server's caches (caches::make); without them every read asks the database.
    static services make(const server_config& config, const caches& kept = {});
};

}  // namespace fupin::server::service
