#pragma once
// When a posting (公示) has run its course. Days are calendar days in China Standard Time: a posting of N days
// published on day D runs through the end of day D+N-1, and the next step is allowed from day D+N. The
// server's clock decides (tests inject it); nothing here reads the machine's time zone.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace fupin::common {

class posting_period {
public:
    posting_period(std::chrono::year_month_day published_on, int days);

    std::chrono::year_month_day published_on() const { return published_on_; }
    int days() const { return days_; }
    std::chrono::year_month_day last_day() const;      // D + N - 1
    std::chrono::year_month_day next_step_on() const;  // D + N

    // On `today` (a China date): objections may be raised while it runs; the next step waits until it is over.
    bool running_on(std::chrono::year_month_day today) const;
    bool over_on(std::chrono::year_month_day today) const;
    // The days it still runs on `today`, today included: N on the day it is published (and before), 1 on its last
    // day, 0 once over. What a clerk reads beside a posting.
    int days_left_on(std::chrono::year_month_day today) const;

private:
    std::chrono::year_month_day published_on_;
    int days_;
};

// "YYYY-MM-DD" → a valid date, or nullopt.
std::optional<std::chrono::year_month_day> parse_date(std::string_view text);
std::chrono::year_month_day add_days(std::chrono::year_month_day d, int days);

}  // namespace fupin::common
