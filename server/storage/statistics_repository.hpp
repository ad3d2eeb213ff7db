#pragma once
// The statistics' reads, grouped in the database so a county of a million files is counted without reading one
// into memory: a county's or township's households from the tallies the triggers keep by village (migration
// 027), a village's from its households; the year's measures and funds each in one scan of an index, no join for
// the county (migration 028). The service rolls the
// groups up (server/service/statistics_service.cpp).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/statistics.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

// Households and people with one combination of the grouped columns, in one village (or, for a village's
// figures, one group of it): fine enough that the service finds each group's area below the one asked about, and
// whether it lies in a poor village, without another scan.
struct statistics_group {
    std::string place;  // the village's code; a group's for a village's figures
    std::string status;
    std::string main_cause;
    std::string poverty_type;
    std::string income_band;
    bool military_family = false;
    bool only_child_family = false;
    bool two_daughters_family = false;
    common::tally count;
};

class statistics_repository {
public:
    explicit statistics_repository(sql::connection& conn) : conn_(conn) {}

    // area_code: the county (6 digits), a township (9) or a village (12).
    std::vector<statistics_group> households(const std::string& area_code);
    // The poor villages (贫困村) of the area, or the village itself when it is one.
    std::vector<std::string> poor_villages(const std::string& area_code);
    // Registered households with a helper answering for them now, by area directly below.
    std::map<std::string, std::int64_t> registered_with_helper(const std::string& area_code);
    // The year's measures that are not cancelled, by category, and their funds by source.
    std::vector<common::money_tally> measures_by_category(const std::string& area_code, int year);
    std::vector<common::money_tally> funds_by_source(const std::string& area_code, int year);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
