#pragma once
// The year's campaign of 建档立卡 (plan 五): its four phases with their dates, set by the county, and each
// township's progress against them. Plain data and the one check of a campaign's phases; shared by client and
// server.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace fupin::common {

// A phase: vocabulary::campaign_phases (preparation 准备, identification 识别, registration 建档帮扶, summary 总结),
// from its first day to its last, "YYYY-MM-DD", both in China's calendar.
struct campaign_phase {
    std::string phase;
    std::string starts_on;
    std::string ends_on;
};

struct campaign {
    int year = 0;
    std::vector<campaign_phase> phases;  // the four, in their order
    std::string set_by;
    std::int64_t set_at_ms = 0;
};

// Throws api_error 422 naming the field: every phase of the vocabulary exactly once, in its order, each with
// dates that exist, none ending before it starts, none starting before the one before it ends.
void validate_campaign_phases(const std::vector<campaign_phase>& phases);

// The phase `day` falls in, or "" outside them all.
std::string phase_on(const std::vector<campaign_phase>& phases, std::chrono::year_month_day day);

// A township's progress for the year, counted by the server on `as_of` (China's day).
struct township_progress {
    std::string township_code;
    std::string township_name;
    std::int64_t households = 0;        // every file of the township
    std::int64_t cases = 0;             // identification cases of the year
    std::int64_t cases_open = 0;        // of those, not yet at an end (registered, announced, refused)
    std::int64_t cases_registered = 0;  // registered or announced
    std::int64_t cases_refused = 0;
    std::int64_t cases_overdue = 0;     // open past the identification phase's last day, still with the village or
                                        // township (one waiting on the county is the county's to move)
    std::int64_t registered = 0;        // households registered now
    std::int64_t complete_files = 0;    // of those, lacking nothing (common/attachment.hpp: completeness_gaps)
    std::int64_t with_helper = 0;       // of those, with a helper answering now
    std::int64_t with_plan = 0;         // of those, with the year's assistance plan
};

struct campaign_progress {
    int year = 0;
    std::string as_of;         // "YYYY-MM-DD"
    std::string current_phase;  // the phase as_of falls in, or ""
    std::vector<campaign_phase> phases;
    std::vector<township_progress> townships;  // by code
};

}  // namespace fupin::common
