#pragma once
// The checks of a clerk's input to the identification procedure that need no database (docs/procedure.md),
// shared by client and server as household_validation is. Each refuses with an api_error naming the field as a
// JSON path into the request ("panel[3]", "results[2].application_id").
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/procedure.hpp"

namespace fupin::common {

inline constexpr std::size_t max_procedure_text_chars = 2000;  // notes, reasons, grounds, answers
inline constexpr std::size_t max_person_name_chars = 50;       // panel members, objectors
inline constexpr std::size_t min_panel_size = 9;               // 评议小组 of 9 to 15 people
inline constexpr std::size_t max_panel_size = 15;

// Free text from a clerk: at most `limit` characters of valid UTF-8 without control characters; not empty when
// required (a missing reason or answer is refused as reason_required, anything else as missing_field).
// Returns the text as given.
std::string checked_text(const std::string& text, const std::string& field, std::size_t limit, bool required);

// The panel: 9 to 15 different names (invalid_panel), each a checked name; `field` names it in the request.
void check_panel(const std::vector<std::string>& panel, const std::string& field = "panel");

// An exit vote: its panel, and votes not negative and not more than the panel (invalid_votes), under "vote".
// The meeting date is the server's to check against its day.
void check_exit_vote(const exit_vote& vote);
// An acknowledgement: who signed and who witnessed, each a name (under "acknowledgement").
void check_exit_acknowledgement(const exit_acknowledgement& ack);

// The panel's results for the village's verified cases (`verified`): every case once (invalid_ranking, or
// cases_missing naming the ones left out), ranks 1..n each once (invalid_ranking), votes not negative and not
// more than the panel (invalid_votes).
void check_appraisal_results(const std::vector<appraisal_result>& results, const std::vector<std::int64_t>& verified,
                             std::size_t panel_size);

}  // namespace fupin::common
