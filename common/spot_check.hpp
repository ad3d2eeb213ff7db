#pragma once
// Spot checks (不定期抽查、明察暗访): the county draws a sample of household files, stratified by township and by
// standing (registered, exited, refused), from a seed it records so that anyone can draw the same sample again;
// an inspector checks each sampled file (in the home, by phone or unannounced), field by field, and gives a
// verdict and a follow-up. The value types shared by server and client, and the one rule of what a check record
// must say (check_spot_check_result). docs/procedure.md, "Spot checks", says how the sample is drawn.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fupin::common {

// How the sample is drawn: in every stratum at least share_percent of its files, and at least `minimum` (all of
// them when it holds fewer).
struct spot_check_plan {
    int year = 0;
    int share_percent = 5;  // 1..100
    int minimum = 10;       // 1..10,000
    std::string seed;       // made by the server: 16 hex characters (64 random bits)
};

// One stratum of the county: a township's files of one standing, how many there are and how many were drawn.
struct spot_check_stratum {
    std::string township_code;
    std::string township_name;
    std::string standing;  // vocabulary::sample_standings: registered | exited | refused
    int population = 0;
    int drawn = 0;
};

// One field of the file as the inspector found it.
struct spot_check_finding {
    std::string field;  // the file's field, e.g. "members", "income", "conditions.housing"
    bool correct = true;
    std::string found;  // what was found, when it is not what the file says
};

// The inspector's record of one sampled file.
struct spot_check_result {
    std::string checked_on;  // YYYY-MM-DD, China; not after today
    std::string method;      // vocabulary::check_methods: home_visit | phone | unannounced
    std::vector<spot_check_finding> findings;
    std::string verdict;    // vocabulary::check_verdicts: accurate | inaccurate | should_exit | should_enter
    std::string follow_up;  // vocabulary::check_follow_ups: none | correction | exit | identification
    std::string note;
    // Set by the server.
    std::string checked_by;
    std::int64_t recorded_at_ms = 0;
    std::int64_t household_version = 0;  // the file's version when the check was recorded
};

// A sampled file, with its check once recorded.
struct spot_check_item {
    std::int64_t household_id = 0;
    std::string township_code;
    std::string village_code;
    std::string village_name;
    std::string head_name;
    std::string standing;
    std::optional<spot_check_result> result;
    // Whether the follow-up has been done (read, not stored): the file edited since the check (correction), or a
    // case of the kind opened since (exit, identification). False while none is due.
    bool follow_up_done = false;
};

struct spot_check {
    std::int64_t id = 0;
    spot_check_plan plan;
    std::string drawn_by;
    std::int64_t drawn_at_ms = 0;
    std::vector<spot_check_stratum> strata;
    int households = 0;
    int checked = 0;
    std::vector<spot_check_item> items;  // on a single read only
};

// The figures behind an accuracy rate: a township's, or the county's (township_code empty).
struct spot_check_accuracy {
    std::string township_code;
    std::string township_name;
    int sampled = 0;
    int checked = 0;
    int accurate = 0;
    int inaccurate = 0;
    int should_exit = 0;
    int should_enter = 0;
    // accurate ÷ checked, in per mille (975 = 97.5 %); empty while nothing is checked.
    std::optional<int> accuracy_per_mille;
};

// The rule a check record follows (422 at the field otherwise): a known method, verdict and follow-up; 1 to 100
// findings name distinct fields, a wrong one says what was found; `accurate` has no wrong finding and needs no follow-up;
// `inaccurate` has one at least and corrects the file; `should_exit` proposes an exit, `should_enter` opens an
// identification. The date is the server's to check against its day.
void check_spot_check_result(const spot_check_result& r);

// The plan's numbers (422 at share_percent, minimum, seed).
void check_spot_check_plan(const spot_check_plan& p);

// How many files a stratum of `population` gives: share_percent of it rounded up, at least `minimum`, at most all.
int spot_check_sample_size(int population, int share_percent, int minimum);

}  // namespace fupin::common
