#include "common/campaign.hpp"

#include "common/api_error.hpp"
#include "common/posting_period.hpp"
#include "common/vocabulary.hpp"

namespace fupin::common {

void validate_campaign_phases(const std::vector<campaign_phase>& phases) {
    const auto& kinds = vocabulary::campaign_phases.entries;
    if (phases.size() != kinds.size())
        throw api_error::invalid_field("phases", "invalid_value", "应依次列出准备、识别、建档帮扶、总结四个阶段",
                                       "must list the four phases in order: preparation, identification, "
                                       "registration, summary");
    std::optional<std::chrono::year_month_day> previous_end;
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const auto& p = phases[i];
        const std::string at = "phases[" + std::to_string(i) + "]";
        if (p.phase != kinds[i].code)
            throw api_error::invalid_field(at + ".phase", "invalid_value", "第" + std::to_string(i + 1) + "个阶段应为" + kinds[i].zh,
                                           "phase " + std::to_string(i + 1) + " must be " + kinds[i].code);
        const auto starts = parse_date(p.starts_on);
        const auto ends = parse_date(p.ends_on);
        if (!starts) throw api_error::invalid_field(at + ".starts_on", "invalid_value", "应为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD");
        if (!ends) throw api_error::invalid_field(at + ".ends_on", "invalid_value", "应为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD");
        if (std::chrono::sys_days{*ends} < std::chrono::sys_days{*starts})
            throw api_error::invalid_field(at + ".ends_on", "invalid_value", kinds[i].zh + "阶段的结束日期早于开始日期",
                                           "the phase ends before it starts");
        if (previous_end && std::chrono::sys_days{*starts} <= std::chrono::sys_days{*previous_end})
            throw api_error::invalid_field(at + ".starts_on", "invalid_value", kinds[i].zh + "阶段应在上一阶段结束后开始",
                                           "the phase must start after the one before it ends");
        previous_end = ends;
    }
}

std::string phase_on(const std::vector<campaign_phase>& phases, std::chrono::year_month_day day) {
    for (const auto& p : phases) {
        const auto starts = parse_date(p.starts_on);
        const auto ends = parse_date(p.ends_on);
        if (starts && ends && std::chrono::sys_days{day} >= std::chrono::sys_days{*starts} &&
            std::chrono::sys_days{day} <= std::chrono::sys_days{*ends})
            return p.phase;
    }
    return {};
}

}  // namespace fupin::common
