#pragma once
// 专项督查 (plan 六): the county ranks its townships each year by indicators it weights (progress against the
// campaign's phases, complete files, objections, spot-check accuracy), and its supervisors record 通报表扬 and
// 通报批评 on a township. Plain data and the one rule of the ranking; shared by client and server.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fupin::common {

// The county's weights for a year, in whole points that sum to 100 (vocabulary::supervision_indicators).
struct supervision_weights {
    int year = 0;
    int progress = 0;
    int completeness = 0;
    int objections = 0;
    int spot_checks = 0;
    std::string set_by;
    std::int64_t set_at_ms = 0;
};

// Throws api_error 422 at the field: each weight 0–100, together exactly 100.
void validate_supervision_weights(const supervision_weights& w);

// What a township's indicators are computed from, for the year.
struct supervision_figures {
    std::int64_t cases = 0;                 // the year's identification cases
    std::int64_t cases_overdue = 0;         // of those, still with the village or township after the
                                            // identification phase's last day
    std::int64_t cases_posted_by_county = 0;  // of those, put on the county's posting: the township signed them
    std::int64_t cases_with_objection = 0;  // of those, with an objection upheld on the county's posting
    std::int64_t registered = 0;           // households registered now
    std::int64_t complete_files = 0;       // of those, lacking nothing (common/attachment.hpp)
    std::int64_t checked = 0;              // the year's spot checks of its files, recorded
    std::int64_t accurate = 0;             // of those, found accurate
};

// Each indicator in per mille, higher being better; empty when the township has nothing to judge it by (no case,
// no registered file, nothing checked), and then it is left out of the score and the other weights count.
struct supervision_indicators {
    std::optional<int> progress;      // cases not overdue ÷ cases
    std::optional<int> completeness;  // complete files ÷ registered
    // Cases on the county's posting without an upheld objection ÷ cases on it: an error the public found after
    // the township signed. Objections on the village's and township's postings are the procedure doing its work
    // (and the township answers them itself), so they do not count.
    std::optional<int> objections;
    std::optional<int> spot_checks;   // accurate ÷ checked
};

// 通报: vocabulary::supervision_note_kinds (commendation 通报表扬, criticism 通报批评).
struct supervision_note {
    std::int64_t id = 0;
    int year = 0;
    std::string township_code;
    std::string kind;
    std::string text;
    std::string written_by;
    std::int64_t written_at_ms = 0;
};

// Throws api_error 422 at the field: a known kind, a township's code, 1–1000 characters of text.
void validate_supervision_note(const supervision_note& n);

struct township_standing {
    std::string township_code;
    std::string township_name;
    supervision_figures figures;
    supervision_indicators indicators;
    std::optional<int> score;  // 0–1000: tenths of a point out of 100; empty with no indicator at all
    std::optional<int> rank;   // 1 is best; townships with equal scores share a rank; empty without a score
    std::vector<supervision_note> notes;
};

struct supervision_ranking {
    int year = 0;
    std::string area_code;  // what the lines cover: the county's code, or one township's (an excerpt)
    std::string as_of;      // "YYYY-MM-DD", China's day
    supervision_weights weights;
    int townships_ranked = 0;  // how many townships have a rank: "rank 3 of 12" reads against this
    std::vector<township_standing> townships;  // by rank, then code; unranked last
};

// The one rule: each township's indicators from its figures, its score from the weights (the weighted mean of the
// indicators it has, rounded to a tenth of a point), and the ranks. `townships` arrive with code, name and
// figures; they leave with the rest, sorted. Whether a case is overdue is the caller's (it knows the phases).
void rank_townships(const supervision_weights& weights, std::vector<township_standing>& townships);

// How the ranking reads to a person, on paper and in the terminal alike: a score "87.5" (for 875), an
// indicator "95.0%" (for 950 per mille) or "—" when the township has none.
std::string format_score(int score);
std::string format_indicator(const std::optional<int>& per_mille);
// The figures behind an indicator, "19/20" (and "" when there is nothing to judge by): the part that counts in
// its favour over the whole.
std::string indicator_basis(const supervision_figures& f, const std::string& indicator);

}  // namespace fupin::common
