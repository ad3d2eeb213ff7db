#include "server/service/services.hpp"

namespace fupin::server::service {

services services::make(const server_config& config, const caches& kept) {
    const auto households = household_service(config.clock, kept.files, config.group_commit);
    return services{
        .sessions = std::make_shared<const session_service>(config.clock, config, kept.sessions),
        .accounts = std::make_shared<const account_service>(
            config.clock, argon2_cost{config.argon2_iterations, config.argon2_memory_kib, 1}),
        .lookups = person_lookup_service(config.clock, config.lookup_limit, config.lookup_window),
        .households = households,
        .member_changes = member_change_service(config.clock, households),
        .applications = application_service(config.clock),
        .appraisals = appraisal_service(config.clock),
        .postings = posting_service(config.clock, config.posting_days),
        .objections = objection_service(config.clock),
        .quotas = quota_service(config.clock),
        .exit_standards = exit_standard_service(config.clock),
        .spot_checks = spot_check_service(config.clock),
        .review_rounds = review_round_service(config.clock, households),
        .imports = archive_import_service(config.clock, config.helper_household_limit),
        .attachments = attachment_service(config.clock),
        .campaigns = campaign_service(config.clock),
        .supervision = supervision_service(config.clock),
        .department_checks = department_check_service(config.clock),
        .helpers = helper_service(config.clock),
        .pairings = pairing_service(config.clock, config.helper_household_limit),
        .measures = measure_service(config.clock),
        .visits = visit_service(config.clock),
        .sandaohu = sandaohu_service(config.clock, config.contact_visit_days),
        .documents = document_service(config.clock),
        .statistics = statistics_service(),
        .denials = std::make_shared<denial_recorder>(config.audit_denials_per_minute),
    };
}

}  // namespace fupin::server::service
