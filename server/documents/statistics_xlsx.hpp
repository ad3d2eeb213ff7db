#pragma once
// The county's figures (common/statistics.hpp) as a workbook to send up to the city: the areas with their
// households, people, statuses and helper coverage; then households and people by main cause, household type,
// income band and attribute; the year's measures by category and funds by source. One sheet each, and a last
// sheet with the charts (statistics_chart.hpp) as pictures.
#include <functional>
#include <string>
#include <string_view>

#include "common/language.hpp"
#include "common/statistics.hpp"

namespace fupin::server::documents {

std::string statistics_title(const common::statistics_report& r, common::language lang);
void write_statistics_xlsx(const common::statistics_report& r, common::language lang, const std::string& county_name,
                           const std::string& printed_at, const std::function<void(std::string_view)>& out);

}  // namespace fupin::server::documents
