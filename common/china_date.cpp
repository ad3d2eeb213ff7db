#include "common/china_date.hpp"

#include <cstdio>

namespace fupin::common {

std::chrono::year_month_day china_date_of(std::chrono::system_clock::time_point t) {
    using namespace std::chrono;
    // A fixed offset is exact: China has not observed daylight saving time since 1991.
    return year_month_day{floor<days>(t + hours{8})};
}

std::chrono::year_month_day china_date_of_ms(std::int64_t ms_since_epoch) {
    return china_date_of(std::chrono::system_clock::time_point(std::chrono::milliseconds(ms_since_epoch)));
}

std::chrono::year_month_day today_in_china() { return china_date_of(std::chrono::system_clock::now()); }

std::string format_date(std::chrono::year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}

}  // namespace fupin::common
