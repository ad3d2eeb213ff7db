#include "server/service/person_lookup_service.hpp"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/china_date.hpp"
#include "common/id_number.hpp"
#include "common/name_mask.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/lookup_throttle_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;

api_error rate_limited(std::int64_t wait_ms) {
    const int seconds = static_cast<int>(std::max<std::int64_t>(1, (wait_ms + 999) / 1000));
    return api_error(429, "rate_limited",
                     "查询过于频繁,请 " + std::to_string(seconds) + " 秒后再试",
                     "too many lookups; try again in " + std::to_string(seconds) + " seconds")
        .with_retry_after(seconds);
}

}  // namespace

person_lookup_service::person_lookup_service(clock now, int limit, std::chrono::milliseconds window)
    : now_(std::move(now)), limit_(std::max(1, limit)), window_ms_(std::max<std::int64_t>(1, window.count())) {}

template <class Work>
auto person_lookup_service::counted(sql::connection& db, const principal& who, std::int64_t now, Work&& work) const {
    // One write transaction counts the lookup, reads and audits it: a lookup that is answered is on record, and
    // one that is refused by the limit leaves nothing behind. The user's throttle row is locked first, so that
    // concurrent lookups (on any server process) are counted one after the other.
    using result_type = decltype(work());
    for (int attempt = 1;; ++attempt) {
        auto result = run_in_transaction(db, sql::tx_mode::write, [&]() -> std::optional<result_type> {
            storage::lookup_throttle_repository throttle(db);
            if (!throttle.lock_user(who.user_id)) return std::nullopt;
            const auto recent = throttle.times_since(who.user_id, now - window_ms_);
            if (static_cast<int>(recent.size()) >= limit_)
                // The oldest lookups leave the window first; the one that frees a place is `limit_` from the end.
                throw rate_limited(recent[recent.size() - static_cast<std::size_t>(limit_)] + window_ms_ - now);
            throttle.add(who.user_id, now, now - window_ms_);
            return work();
        });
        if (result) return std::move(*result);
        if (attempt >= 2) throw std::logic_error("person lookup: the user's throttle row was not made");
        // The user's first lookup: make the row in a transaction of its own, then lock it as usual.
        run_in_transaction(db, sql::tx_mode::write,
                           [&] { storage::lookup_throttle_repository(db).ensure_user(who.user_id); });
    }
}

void person_lookup_service::charge(sql::connection& db, const principal& who, const std::string& id_number,
                                   const std::string& township_code) const {
    // Unlike a lookup, the refusal that calls this cannot be withheld when the window is full: the file cannot
    // be stored, and even a 429 tells that the person is registered in another area (a person of one's own area
    // gets 409 with the file's id, an unregistered one is stored). So it is counted and audited whatever the
    // count, and over the limit only the township is withheld (429 instead of 409 with township_code).
    const auto now = now_();
    std::int64_t wait_ms = 0;
    for (int attempt = 1;; ++attempt) {
        const bool locked = run_in_transaction(db, sql::tx_mode::write, [&] {
            storage::lookup_throttle_repository throttle(db);
            if (!throttle.lock_user(who.user_id)) return false;
            const auto recent = throttle.times_since(who.user_id, now - window_ms_);
            const bool over_limit = static_cast<int>(recent.size()) >= limit_;
            wait_ms = over_limit ? recent[recent.size() - static_cast<std::size_t>(limit_)] + window_ms_ - now : 0;
            throttle.add(who.user_id, now, now - window_ms_);
            auto changes = nlohmann::json{{"found", true}, {"township_code", township_code}, {"by", "refusal"}};
            if (over_limit) changes["over_limit"] = true;
            audit_trail::record(db, audit_actor::of(who), "person.lookup",
                                "person/" + common::mask_id_number(id_number), "ok", std::move(changes), now);
            return true;
        });
        if (locked) break;
        if (attempt >= 2) throw std::logic_error("person lookup: the user's throttle row was not made");
        run_in_transaction(db, sql::tx_mode::write,
                           [&] { storage::lookup_throttle_repository(db).ensure_user(who.user_id); });
    }
    if (wait_ms > 0) throw rate_limited(wait_ms);
}

person_lookup_result person_lookup_service::lookup(sql::connection& db, const principal& who,
                                                   const std::string& id_number) const {
    access_policy::require(who, permission::read_households);
    const auto now = now_();
    const auto check = common::check_id_number(id_number, common::china_date_of_ms(now));
    if (!check.ok())
        throw api_error::invalid_field("id_number", "invalid_id_number",
                                       std::string("身份证号有误:") + common::id_number_problem_message(check.problem, false),
                                       std::string("the ID number is invalid: ") +
                                           common::id_number_problem_message(check.problem, true));
    const std::string& number = check.normalized;

    return counted(db, who, now, [&] {
        person_lookup_result r;
        storage::household_repository households(db);
        if (auto where = households.find_person(number)) {
            r.found = true;
            r.own_area = access_policy::area_covers(who.area_code, where->village_code);
            r.township_code = where->township_code;
            r.township_name = where->township_name;
            r.village_code = where->village_code;
            r.village_name = where->village_name;
            r.household_status = where->household_status;
            if (r.own_area) {
                r.name = where->name;
                r.household_id = where->household_id;
                r.household = households.find(where->household_id);
            } else {
                // Another township's file: what a posting would show, no more.
                r.name = common::mask_name(where->name);
            }
        }
        audit_trail::record(db, audit_actor::of(who), "person.lookup",
                            "person/" + common::mask_id_number(number), "ok",
                            nlohmann::json{{"found", r.found}, {"township_code", r.township_code}}, now);
        return r;
    });
}

}  // namespace fupin::server::service
