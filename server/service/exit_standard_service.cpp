#include "server/service/exit_standard_service.hpp"

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/china_date.hpp"
#include "common/exit_json.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_diff.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/household_access.hpp"
#include "server/service/quota_service.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/exit_standard_repository.hpp"
#include "server/storage/poverty_line_repository.hpp"

namespace fupin::server::service {

using common::api_error;

exit_standard_service::exit_standard_service(clock now) : now_(std::move(now)) {}

std::vector<common::exit_standard> exit_standard_service::list(sql::connection& db, const principal& who) const {
    access_policy::require(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] { return storage::exit_standard_repository(db).list(); });
}

common::exit_standard exit_standard_service::set(sql::connection& db, const principal& who, int year,
                                                 common::money_fen income_line, int transition_years) const {
    access_policy::require(who, permission::set_county_quotas);
    quota_service::check_year(year);
    if (income_line <= 0 || income_line > 100'000'000)
        throw api_error::invalid_field("income_line", "invalid_value", "脱贫标准应为正数(元/人/年),最多100万元",
                                       "income_line must be a positive number of yuan per person per year");
    if (transition_years < 0 || transition_years > 10)
        throw api_error::invalid_field("transition_years", "invalid_value", "过渡期应为0至10年",
                                       "transition_years must be 0 to 10");
    return once_more_after_a_lost_insert([&] {
        return run_in_transaction(db, sql::tx_mode::write, [&] {
            const auto now = now_();
            // Leaving poverty means more than the line that identified it: the exit line is not below it.
            if (const auto line = storage::poverty_line_repository(db).find(year); line && income_line < line->amount)
                throw api_error::invalid_field("income_line", "invalid_value",
                                               "脱贫标准不应低于" + std::to_string(year) + "年扶贫标准(" +
                                                   common::yuan_text(line->amount) + "元)",
                                               "the exit line is below the year's poverty line");
            storage::exit_standard_repository standards(db);
            const auto before = standards.find(year);
            const common::exit_standard standard{year, income_line, transition_years, who.username, now};
            standards.save(standard);
            const auto record = "exit_standard/" + std::to_string(year);
            const auto summary = common::to_json(standard);
            event_outbox::append(db, "exit_standard.set", record, {}, summary, summary, now);
            audit_trail::record(db, audit_actor::of(who), "exit_standard.set", record, "ok",
                                audit_diff::changes(before ? common::to_json(*before) : nlohmann::json(nullptr),
                                                    summary),
                                now);
            return standard;
        });
    });
}

common::exit_standard exit_standard_service::standard_of(sql::connection& db, int year) {
    auto standard = storage::exit_standard_repository(db).find(year);
    if (!standard)
        throw api_error(409, "exit_standard_not_set", std::to_string(year) + "年度的脱贫标准尚未设定",
                        "no exit standard is set for " + std::to_string(year))
            .with_detail("year", std::to_string(year));
    return *standard;
}

common::exit_verdict exit_standard_service::verdict(sql::connection& db, const principal& who,
                                                    std::int64_t household_id, int year) const {
    access_policy::require_role(who, permission::read_households);
    quota_service::check_year(year);
    const auto today = common::format_date(common::china_date_of_ms(now_()));
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        const auto h = household_in_area(db, who, household_id, permission::read_households, false);
        return common::exit_rules::judge(h, standard_of(db, year), today);
    });
}

}  // namespace fupin::server::service
