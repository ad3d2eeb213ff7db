#pragma once
// Calendar days as the county counts them: China Standard Time (UTC+8, no daylight saving). Birth dates, the
// income year and posting periods are all dates in this zone, whatever zone the machine runs in.
#include <chrono>
#include <cstdint>
#include <string>

namespace fupin::common {

std::chrono::year_month_day china_date_of(std::chrono::system_clock::time_point t);
std::chrono::year_month_day today_in_china();
// The China date of a UTC time in milliseconds since the epoch (the server's injected clock reads this way).
std::chrono::year_month_day china_date_of_ms(std::int64_t ms_since_epoch);

// "YYYY-MM-DD".
std::string format_date(std::chrono::year_month_day d);

}  // namespace fupin::common
