#pragma once
// Loading files into the archive from the command line: the administrative tree, and household files (the
// demo county, or a township's earlier spreadsheet turned into JSON). Households go through household_service
// as the county office, so an import obeys every rule an API create does.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/area.hpp"
#include "common/household.hpp"
#include "server/service/household_service.hpp"

namespace fupin::server::service {

// Inserts or renames every area, in one transaction. Returns how many. When an area already stored gets another
// name or parent, the same transaction appends an "areas.renamed" event (public: the names are public), so the
// running servers' feeds and household file caches hear of it: every file shows its areas' names.
std::size_t import_areas(sql::connection& db, const std::vector<common::area>& areas, std::int64_t now_ms);

struct household_import_result {
    std::size_t created = 0;
    std::size_t already_present = 0;  // every member is already in one household file: imported before
    std::vector<std::string> refused;  // "[index] code: message" for files that break a rule
};

// county_code: the county office's area, in whose name the files are created.
household_import_result import_households(sql::connection& db, const household_service& households,
                                          const std::string& county_code,
                                          const std::vector<common::household>& files);

}  // namespace fupin::server::service
