#pragma once
// The county's figures (统计): households and people by area (the county, its townships, their villages, their
// groups), by status, main cause, household type, per-capita income band and attribute; helper coverage; the
// year's measures by category and their funds by source. What the server computes and the clients print, chart
// and export.
#include <cstdint>
#include <string>
#include <vector>

#include "common/household.hpp"

namespace fupin::common {

struct tally {
    std::int64_t households = 0;
    std::int64_t people = 0;
};

// A tally under a key: a vocabulary code (household_statuses, poverty_causes, poverty_types, income_bands,
// household_attributes).
struct keyed_tally {
    std::string key;
    tally count;
};

struct area_tally {
    std::string code;
    std::string name;
    std::string level;
    tally all;
    std::vector<keyed_tally> by_status;  // in the vocabulary's order, every status
    std::int64_t with_helper = 0;        // registered households with a helper answering for them now
};

// The year's measures (not cancelled) of one category, or their funds of one source.
struct money_tally {
    std::string key;  // measure_categories or fund_sources
    std::int64_t measures = 0;
    std::int64_t households = 0;
    money_fen planned = 0;
    money_fen paid = 0;
};

struct statistics_report {
    std::string area_code;
    std::string area_name;
    std::string area_level;
    int year = 0;
    std::vector<area_tally> areas;  // the area itself first, then each area directly below it, in code order
    std::vector<keyed_tally> by_status;
    std::vector<keyed_tally> by_main_cause;
    std::vector<keyed_tally> by_poverty_type;
    std::vector<keyed_tally> by_income_band;
    std::vector<keyed_tally> by_attribute;  // a household may count under several, or none
    std::vector<money_tally> measures_by_category;
    std::vector<money_tally> funds_by_source;

    // Registered households, and how many of them have a helper now (from the area's own line).
    std::int64_t registered() const;
    std::int64_t registered_with_helper() const;
};

// The per-capita net income bands (vocabulary::income_bands) and where each starts, in fen (the first at the
// lowest possible income): the one table of the bands. Each household's band is written beside it from
// income_band_of (server/storage/household_columns.cpp), and the statistics count by that column; a change of
// the bands needs a migration that writes every household's band again (027 wrote the first).
struct income_band_start {
    std::string code;
    money_fen from;
};
const std::vector<income_band_start>& income_band_starts();
std::string income_band_of(money_fen per_capita);

}  // namespace fupin::common
