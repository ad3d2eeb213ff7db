#include "server/service/supervision_service.hpp"

#include "common/api_error.hpp"
#include "common/area.hpp"
#include "common/china_date.hpp"
#include "common/posting_period.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/campaign_service.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/service/township_progress.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/campaign_repository.hpp"
#include "server/storage/supervision_repository.hpp"

namespace fupin::server::service {
namespace {

common::api_error weights_not_set(int year) {
    return common::api_error(404, "supervision_weights_not_set", std::to_string(year) + "年度的督查指标权重尚未设定",
                             "no supervision weights are set for " + std::to_string(year));
}

// The archive is one county's: its code is the first six digits of any area in it.
std::string county_of(const std::string& area) { return area.substr(0, 6); }

}  // namespace

supervision_service::supervision_service(clock now) : now_(std::move(now)) {}

common::supervision_weights supervision_service::set_weights(sql::connection& db, const principal& who,
                                                             common::supervision_weights w) const {
    access_policy::require(who, permission::run_campaign);
    common::validate_supervision_weights(w);
    w.set_by = who.username;
    w.set_at_ms = now_();
    run_in_transaction(db, sql::tx_mode::write, [&] {
        storage::supervision_repository(db).set_weights(w);
        audit_trail::record(db, audit_actor::of(who), "supervision.weights", "supervision/" + std::to_string(w.year), "ok",
                            {{"progress", w.progress},
                             {"completeness", w.completeness},
                             {"objections", w.objections},
                             {"spot_checks", w.spot_checks}},
                            w.set_at_ms);
    });
    return w;
}

common::supervision_weights supervision_service::weights(sql::connection& db, const principal& who, int year) const {
    access_policy::require(who, permission::read_households);
    auto found = run_in_transaction(db, sql::tx_mode::read, [&] { return storage::supervision_repository(db).weights(year); });
    if (!found) throw weights_not_set(year);
    return *found;
}

common::supervision_note supervision_service::add_note(sql::connection& db, const principal& who,
                                                       common::supervision_note n) const {
    access_policy::require(who, permission::issue_notices);
    common::validate_supervision_note(n);
    access_policy::require(who, permission::issue_notices, n.township_code);
    n.written_by = who.username;
    n.written_at_ms = now_();
    run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto township = storage::area_repository(db).find(n.township_code);
        if (!township || township->level != "township") throw common::api_error::not_found("该乡镇", "that township");
        n.id = storage::supervision_repository(db).add_note(n);
        audit_trail::record(db, audit_actor::of(who), "supervision.note", "area/" + n.township_code, "ok",
                            {{"id", n.id}, {"year", n.year}, {"kind", n.kind}, {"text", n.text}}, n.written_at_ms);
    });
    return n;
}

common::supervision_ranking supervision_service::ranking(sql::connection& db, const principal& who, int year,
                                                         const std::string& asked) const {
    if (common::area_level_of_code(who.area_code) == "village")
        throw common::api_error(403, "access_denied", "督查排名按乡镇进行，村级账号不能查看",
                                "the ranking is of townships: a village's account cannot read it");
    const auto area = access_policy::listed_area(who, asked);
    const auto level = common::area_level_of_code(area);
    if (level != "county" && level != "township")
        throw common::api_error(400, "invalid_parameter", "督查排名按乡镇进行：area 应为县或乡镇的区划代码",
                                "the ranking is of townships: area must be the county or a township", "area");
    const auto today = common::china_date_of_ms(now_());
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        const auto campaign = storage::campaign_repository(db).find(year);
        if (!campaign) throw campaign_service::not_set(year);
        storage::supervision_repository supervision(db);
        const auto weights = supervision.weights(year);
        if (!weights) throw weights_not_set(year);

        // Every township is ranked, so a township's rank is among all of them, whoever asks.
        const auto county = county_of(area);
        const auto posted = supervision.cases_posted_by_county(county, year);
        const auto upheld = supervision.cases_with_upheld_objection(county, year);
        const auto checks = supervision.spot_checks(county, year);
        std::vector<common::township_standing> townships;
        for (const auto& p : count_township_progress(db, county, year, identification_over(campaign->phases, today))) {
            common::township_standing t;
            t.township_code = p.township_code;
            t.township_name = p.township_name;
            t.figures.cases = p.cases;
            t.figures.cases_overdue = p.cases_overdue;
            t.figures.registered = p.registered;
            t.figures.complete_files = p.complete_files;
            if (const auto it = posted.find(p.township_code); it != posted.end()) t.figures.cases_posted_by_county = it->second;
            if (const auto it = upheld.find(p.township_code); it != upheld.end()) t.figures.cases_with_objection = it->second;
            if (const auto it = checks.find(p.township_code); it != checks.end()) {
                t.figures.checked = it->second.checked;
                t.figures.accurate = it->second.accurate;
            }
            townships.push_back(std::move(t));
        }
        common::rank_townships(*weights, townships);

        common::supervision_ranking out;
        out.year = year;
        out.area_code = area;
        out.as_of = common::format_date(today);
        out.weights = *weights;
        for (const auto& t : townships)
            if (t.rank) ++out.townships_ranked;
        const auto notes = supervision.notes(year, area);
        for (auto& t : townships) {
            if (!access_policy::area_covers(area, t.township_code)) continue;
            for (const auto& n : notes)
                if (n.township_code == t.township_code) t.notes.push_back(n);
            out.townships.push_back(std::move(t));
        }
        return out;
    });
}

}  // namespace fupin::server::service
