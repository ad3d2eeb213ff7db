#pragma once
// Assistance measures by category (分类分档) with their funds by source, the projects that serve several
// households, and each household's plan for the year (帮扶计划). Villages and townships record them for their
// registered households (permission record_assistance over the household's village, or the project's area);
// every reader of the area sees them. Each write is one transaction with its audit entry and its event.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/assistance.hpp"
#include "common/assistance_rules.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class measure_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit measure_service(clock now);

    // A household's measures of a year (0: every year).
    std::vector<common::measure> of_household(sql::connection& db, const principal& who, std::int64_t household_id,
                                              int year) const;
    common::measure get(sql::connection& db, const principal& who, std::int64_t measure_id) const;
    // 201 the measure. 409 household_not_registered; 422 at helper_id or project_id for one that does not exist;
    // 409 helper_inactive; 422 project_elsewhere when the project does not serve the household's area.
    common::measure add(sql::connection& db, const principal& who, std::int64_t household_id,
                        common::measure m) const;
    // m.version is the version the change was based on (409 version_conflict).
    common::measure update(sql::connection& db, const principal& who, std::int64_t measure_id,
                           common::measure m) const;  // its helper and project are checked only when they change
    // The categories that fit the household's causes and conditions (common/assistance_rules).
    std::vector<common::category_suggestion> suggestions(sql::connection& db, const principal& who,
                                                         std::int64_t household_id) const;

    // The projects of an area (the caller's own when empty) and below it.
    std::vector<common::project> projects(sql::connection& db, const principal& who, std::string area_code,
                                          int year) const;
    common::project add_project(sql::connection& db, const principal& who, common::project p) const;

    // The household's plan for the year with the year's measures; version 0 when there is none yet.
    common::assistance_plan plan(sql::connection& db, const principal& who, std::int64_t household_id,
                                 int year) const;
    // Writes the plan: plan.version 0 makes the year's first, otherwise it names the version read (409
    // version_conflict).
    common::assistance_plan save_plan(sql::connection& db, const principal& who, std::int64_t household_id,
                                      common::assistance_plan plan) const;

private:
    clock now_;
};

}  // namespace fupin::server::service
