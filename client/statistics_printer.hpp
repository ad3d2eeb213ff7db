#pragma once
// The county's figures as a clerk reads them on a terminal: the areas with their statuses and helper coverage,
// then households and people by main cause, type, income band and attribute, and the year's measures and funds.
#include <string>

#include "common/language.hpp"
#include "common/statistics.hpp"

namespace fupin::client {

class statistics_printer {
public:
    explicit statistics_printer(common::language lang) : lang_(lang) {}
    std::string report(const common::statistics_report& r) const;

private:
    common::language lang_;
};

}  // namespace fupin::client
