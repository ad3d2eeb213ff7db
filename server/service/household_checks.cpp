#include "server/service/household_checks.hpp"

#include <algorithm>
#include <vector>

#include "common/name_mask.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/person_registered_elsewhere.hpp"
#include "server/storage/area_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;

// An area code must exist at the right level under the right parent; its name.
std::string require_area(const std::map<std::string, common::area>& areas, const std::string& code,
                         const std::string& level, const std::string& parent, const std::string& field) {
    const auto it = areas.find(code);
    const common::area* found = it == areas.end() ? nullptr : &it->second;
    if (!found || found->level != level || found->parent_code != parent)
        throw api_error::invalid_field(field, "unknown_area", "区划代码 " + code + " 不是本县登记的" +
                                           (level == "township" ? std::string("乡镇")
                                            : level == "village" ? std::string("村")
                                                                 : std::string("村小组")),
                                       "division code " + code + " is not a registered " + level + " of the county");
    return found->name;
}

}  // namespace

household_checks household_checks::load(sql::connection& db, std::span<const common::household* const> files) {
    auto checks = load_areas(db, files);
    std::vector<std::string> id_numbers;
    for (const auto* h : files)
        for (const auto& m : h->members) id_numbers.push_back(m.id_number);
    checks.registered_ = storage::household_repository(db).find_people(id_numbers);
    return checks;
}

household_checks household_checks::load_areas(sql::connection& db, std::span<const common::household* const> files) {
    std::vector<std::string> codes;
    for (const auto* h : files) codes.insert(codes.end(), {h->township_code, h->village_code, h->group_code});
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    household_checks checks;
    checks.areas_ = storage::area_repository(db).find_all(codes);
    return checks;
}

void household_checks::check_areas(common::household& h) const {
    h.township_name = require_area(areas_, h.township_code, "township", h.township_code.substr(0, 6), "township_code");
    h.village_name = require_area(areas_, h.village_code, "village", h.township_code, "village_code");
    h.group_name = require_area(areas_, h.group_code, "group", h.village_code, "group_code");
}

void household_checks::check(const principal& who, common::household& h) const {
    check_areas(h);

    for (std::size_t i = 0; i < h.members.size(); ++i) {
        const auto it = registered_.find(h.members[i].id_number);
        if (it == registered_.end() || it->second.household_id == h.id) continue;
        const auto& found = it->second;
        const bool own = access_policy::area_covers(who.area_code, found.village_code);
        api_error error(409, "person_already_registered",
                        "该成员已在" + found.township_name + found.village_name + "的农户档案中登记,一人只能属于一户",
                        "this person is already in a household file of " + found.village_name + ", " +
                            found.township_name + "; a person belongs to one household only",
                        "members[" + std::to_string(i) + "].id_number");
        // What GET /api/v1/people answers about the same person (person_lookup_service), no more.
        error.with_detail("township_code", found.township_code)
            .with_detail("township_name", found.township_name)
            .with_detail("village_code", found.village_code)
            .with_detail("village_name", found.village_name)
            .with_detail("household_status", found.household_status)
            .with_detail("name", own ? found.name : common::mask_name(found.name));
        if (own) {
            error.with_detail("household_id", std::to_string(found.household_id));
            throw error;
        }
        // Another township's file number is none of this caller's business; where the person is, is a lookup.
        throw person_registered_elsewhere(std::move(error), h.members[i].id_number, found.township_code);
    }
}

api_error household_checks::not_found() { return api_error::not_found("该户档案", "household file"); }

}  // namespace fupin::server::service
