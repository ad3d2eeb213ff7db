#include "server/service/sandaohu_service.hpp"

#include <chrono>
#include <map>

#include "common/api_error.hpp"
#include "common/area.hpp"
#include "common/china_date.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/sandaohu_repository.hpp"

namespace fupin::server::service {

sandaohu_service::sandaohu_service(clock now, int contact_days) : now_(std::move(now)), contact_days_(contact_days) {}

common::sandaohu_report sandaohu_service::report(sql::connection& db, const principal& who, std::string area_code,
                                                 int year, int gaps_limit, const std::string& missing) const {
    if (area_code.empty()) area_code = who.area_code;
    access_policy::require(who, permission::read_households, area_code);
    if (year < 2000 || year > 2100)
        throw common::api_error::invalid_field("year", "invalid_value", "年度应在2000至2100之间", "year must be 2000-2100");
    const auto level = common::area_level_of_code(area_code);
    if (level != "county" && level != "township" && level != "village")
        throw common::api_error::invalid_field("area", "invalid_value", "应为县、乡镇或村的区划代码",
                                               "area must be the county, a township or a village");
    if (!missing.empty() && !common::is_sandaohu_answer(missing))
        throw common::api_error::invalid_field("missing", "invalid_value",
                                               "应为 plan、project、funds、responsibility、project_person 或 contact",
                                               "missing must be one of the six answers");

    using namespace std::chrono;
    const auto today = sys_days{common::china_date_of_ms(now_())};
    common::sandaohu_report out;
    out.year = year;
    out.area_code = area_code;
    out.since = common::format_date(year_month_day{today - days{contact_days_ - 1}});

    return run_in_transaction(db, sql::tx_mode::read, [&] {
        storage::area_repository areas(db);
        const auto self = areas.find(area_code);
        if (!self) throw common::api_error::not_found("该区划", "that area");
        out.areas.push_back({area_code, self->name, self->level});
        // The areas directly below, each counting the households whose village code starts with its code.
        std::map<std::string, std::size_t> below;
        if (level != "village")
            for (const auto& child : areas.children(area_code)) {
                below[child.code] = out.areas.size();
                out.areas.push_back({child.code, child.name, child.level});
            }
        const std::size_t child_digits = level == "county" ? 9 : 12;
        for (const auto& h : storage::sandaohu_repository(db).households(area_code, year, out.since)) {
            out.areas.front().count(h);
            if (const auto it = below.find(h.village_code.substr(0, child_digits)); it != below.end())
                out.areas[it->second].count(h);
            if (missing.empty() ? h.complete() : !common::misses(h, missing)) continue;
            ++out.gaps_total;
            if (static_cast<int>(out.gaps.size()) < gaps_limit) out.gaps.push_back(h);
        }
        return out;
    });
}

}  // namespace fupin::server::service
