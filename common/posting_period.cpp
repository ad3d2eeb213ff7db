#include "common/posting_period.hpp"

#include <algorithm>
#include <charconv>

namespace fupin::common {

posting_period::posting_period(std::chrono::year_month_day published_on, int days)
    : published_on_(published_on), days_(days) {}

std::chrono::year_month_day posting_period::last_day() const { return add_days(published_on_, days_ - 1); }

std::chrono::year_month_day posting_period::next_step_on() const { return add_days(published_on_, days_); }

bool posting_period::running_on(std::chrono::year_month_day today) const {
    const auto d = std::chrono::sys_days{today};
    return d >= std::chrono::sys_days{published_on_} && d < std::chrono::sys_days{next_step_on()};
}

bool posting_period::over_on(std::chrono::year_month_day today) const {
    return std::chrono::sys_days{today} >= std::chrono::sys_days{next_step_on()};
}

int posting_period::days_left_on(std::chrono::year_month_day today) const {
    const auto left = (std::chrono::sys_days{next_step_on()} - std::chrono::sys_days{today}).count();
    return static_cast<int>(std::clamp<decltype(left)>(left, 0, days_));
}

std::optional<std::chrono::year_month_day> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = 0;
    unsigned m = 0, d = 0;
    auto digits = [&](std::size_t from, std::size_t len, auto& out) {
        for (std::size_t i = from; i < from + len; ++i)
            if (text[i] < '0' || text[i] > '9') return false;
        return std::from_chars(text.data() + from, text.data() + from + len, out).ec == std::errc{};
    };
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

std::chrono::year_month_day add_days(std::chrono::year_month_day d, int days) {
    return std::chrono::year_month_day{std::chrono::sys_days{d} + std::chrono::days{days}};
}

}  // namespace fupin::common
