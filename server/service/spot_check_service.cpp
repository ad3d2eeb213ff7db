#include "server/service/spot_check_service.hpp"

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/china_date.hpp"
#include "common/posting_period.hpp"
#include "common/vocabulary.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/digest.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/quota_service.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/service/spot_check_draw.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/spot_check_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
using nlohmann::json;

api_error check_not_found() { return api_error::not_found("该抽查", "spot check"); }

std::string record_of(std::int64_t id) { return "spot_check/" + std::to_string(id); }

std::optional<int> per_mille(int accurate, int checked) {
    if (checked == 0) return std::nullopt;
    return static_cast<int>((static_cast<long long>(accurate) * 1000 + checked / 2) / checked);
}

}  // namespace

spot_check_service::spot_check_service(clock now) : now_(std::move(now)) {}

common::spot_check spot_check_service::draw(sql::connection& db, const principal& who,
                                            common::spot_check_plan plan) const {
    access_policy::require(who, permission::record_checks);
    quota_service::check_year(plan.year);
    // The server makes the seed: one chosen by a person could be tried until it leaves out (or picks) a file,
    // and one guessed by a township would tell it which households to expect.
    plan.seed = random_hex(8);
    common::check_spot_check_plan(plan);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto now = now_();
        storage::spot_check_repository checks(db);
        const auto sample = draw_sample(checks.candidates(), plan);
        if (sample.drawn.empty())
            throw api_error(409, "nothing_to_sample", "县内没有可抽查的档案(已建档立卡、已脱贫或识别未通过)",
                            "the county has no file to sample (registered, exited or refused)");
        common::spot_check c;
        c.plan = plan;
        c.drawn_by = who.username;
        c.drawn_at_ms = now;
        c.strata = sample.strata;
        checks.insert(c, sample.drawn);
        const json summary{{"spot_check_id", c.id}, {"year", plan.year}, {"households", c.households}};
        // County-wide and not public: the townships learn of a file's check when it is recorded.
        event_outbox::append(db, "spot_check.drawn", record_of(c.id), {}, summary, nullptr, now);
        // The trail, which administrators read, holds the seed's hash: it proves later which seed was drawn
        // with, and tells nobody now which files it drew.
        audit_trail::record(db, audit_actor::of(who), "spot_check.draw", record_of(c.id), "ok",
                            {{"year", plan.year},
                             {"share_percent", plan.share_percent},
                             {"minimum", plan.minimum},
                             {"seed_sha256", sha256_hex(plan.seed)},
                             {"households", c.households}},
                            now);
        auto stored = *checks.find(c.id);
        stored.items = checks.items(c.id);
        return stored;
    });
}

std::vector<common::spot_check> spot_check_service::list(sql::connection& db, const principal& who) const {
    access_policy::require(who, permission::record_checks);
    return run_in_transaction(db, sql::tx_mode::read, [&] { return storage::spot_check_repository(db).list(); });
}

common::spot_check spot_check_service::get(sql::connection& db, const principal& who, std::int64_t id) const {
    access_policy::require(who, permission::record_checks);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        storage::spot_check_repository checks(db);
        auto c = checks.find(id);
        if (!c) throw check_not_found();
        c->items = checks.items(id);
        return std::move(*c);
    });
}

common::spot_check_item spot_check_service::record(sql::connection& db, const principal& who, std::int64_t check_id,
                                                   std::int64_t household_id, common::spot_check_result input) const {
    access_policy::require(who, permission::record_checks);
    common::check_spot_check_result(input);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto now = now_();
        storage::spot_check_repository checks(db);
        const auto check = checks.find(check_id);
        if (!check) throw check_not_found();
        auto item = checks.item_for_update(check_id, household_id);
        if (!item) throw api_error::not_found("抽查样本中的该户", "that household in the sample");
        access_policy::require(who, permission::record_checks, item->village_code);
        if (item->result)
            throw api_error(409, "already_checked", "该户已于" + item->result->checked_on + "核查并记录,不能重复记录",
                            "the household's check is recorded already (" + item->result->checked_on + ")");
        // Checked between the draw and today (China).
        const auto on = common::parse_date(input.checked_on);
        const auto today = common::china_date_of_ms(now);
        if (!on || *on > today || *on < common::china_date_of_ms(check->drawn_at_ms))
            throw api_error::invalid_field("checked_on", "invalid_value", "核查日期应在抽取样本之日至今天之间",
                                           "checked_on must fall between the draw and today");
        auto result = input;  // a copy: a retried transaction starts again from what was sent
        result.checked_by = who.username;
        result.recorded_at_ms = now;
        result.household_version = storage::household_repository(db).find(household_id)->version;
        // The verdict must fit the file's standing: only a registered household can be one that should have
        // exited, only one outside the register one that should have been in.
        if ((result.verdict == "should_exit" && item->standing != "registered") ||
            (result.verdict == "should_enter" && item->standing == "registered"))
            throw api_error::invalid_field("verdict", "invalid_value", "结论与该户的类别不符",
                                           "the verdict does not fit the household's standing");
        checks.save_result(check_id, household_id, result);
        const json summary{{"spot_check_id", check_id},
                           {"household_id", household_id},
                           {"verdict", result.verdict},
                           {"follow_up", result.follow_up}};
        // To the household's village now (the file may have moved since the draw).
        const auto file = storage::household_repository(db).find(household_id);
        event_outbox::append(db, "spot_check.checked", record_of(check_id), {file->township_code, file->village_code},
                             summary, nullptr, now);
        audit_trail::record(db, audit_actor::of(who), "spot_check.record",
                            record_of(check_id) + "/household/" + std::to_string(household_id), "ok",
                            {{"method", result.method}, {"verdict", result.verdict}, {"follow_up", result.follow_up}},
                            now);
        return *checks.item_for_update(check_id, household_id);
    });
}

std::vector<common::spot_check_accuracy> spot_check_service::accuracy(sql::connection& db, const principal& who,
                                                                      std::int64_t check_id) const {
    access_policy::require(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        storage::spot_check_repository checks(db);
        if (!checks.find(check_id)) throw check_not_found();
        std::vector<common::spot_check_accuracy> out;
        common::spot_check_accuracy county;
        for (const auto& t : checks.tallies(check_id)) {
            county.sampled += t.sampled;
            county.checked += t.checked;
            county.accurate += t.accurate;
            county.inaccurate += t.inaccurate;
            county.should_exit += t.should_exit;
            county.should_enter += t.should_enter;
            // A township's figures are its own and the county's; other townships' stay in the county's total.
            if (!access_policy::area_covers(who.area_code, t.township_code)) continue;
            out.push_back({t.township_code, t.township_name, t.sampled, t.checked, t.accurate, t.inaccurate,
                           t.should_exit, t.should_enter, per_mille(t.accurate, t.checked)});
        }
        county.accuracy_per_mille = per_mille(county.accurate, county.checked);
        out.push_back(county);
        return out;
    });
}

}  // namespace fupin::server::service
