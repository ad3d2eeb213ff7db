#include "common/assistance_rules.hpp"

#include <algorithm>
#include <map>

namespace fupin::common {
namespace {

// Cause → categories, as the plan's 分类分档 and national practice pair them: labour but no industry → 产业扶持;
// low skills → 转移就业培训; poor living conditions → 基础设施 or 易地扶贫搬迁; illness → 健康医疗; and so on.
const std::map<std::string, std::vector<std::string>, std::less<>>& table() {
    static const std::map<std::string, std::vector<std::string>, std::less<>> rules{
        {"illness", {"health", "social_safety_net"}},
        {"disability", {"social_safety_net", "health"}},
        {"schooling", {"education"}},
        {"disaster", {"housing_renovation", "infrastructure"}},
        {"lack_of_land", {"industry", "relocation"}},
        {"lack_of_water", {"infrastructure"}},
        {"lack_of_technology", {"employment_training", "industry"}},
        {"lack_of_labour", {"social_safety_net"}},
        {"lack_of_funds", {"microcredit", "industry"}},
        {"poor_transport", {"infrastructure", "relocation"}},
        {"lack_of_drive", {"employment_training", "industry"}},
        {"other", {}},
    };
    return rules;
}

}  // namespace

std::vector<std::string> categories_for_cause(const std::string& cause) {
    const auto it = table().find(cause);
    return it == table().end() ? std::vector<std::string>{} : it->second;
}

std::vector<category_suggestion> suggest_categories(const household& h) {
    std::vector<category_suggestion> out;
    const auto add = [&](const std::string& category, const std::string& because, bool main) {
        const bool seen = std::any_of(out.begin(), out.end(), [&](const auto& s) { return s.category == category; });
        if (!seen) out.push_back({category, because, main});
    };
    for (const auto& c : categories_for_cause(h.main_cause)) add(c, h.main_cause, true);
    for (const auto& cause : h.other_causes)
        for (const auto& c : categories_for_cause(cause)) add(c, cause, false);
    if (h.conditions.housing == "dilapidated" || h.conditions.housing == "none") add("housing_renovation", "housing", false);
    if (h.conditions.drinking_water_difficult || !h.conditions.drinking_water_safe)
        add("infrastructure", "drinking_water", false);
    return out;
}

}  // namespace fupin::common
