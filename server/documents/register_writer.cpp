#include "server/documents/register_writer.hpp"

#include <fmt/format.h>

#include "common/display_text.hpp"
#include "common/household_validation.hpp"
#include "common/vocabulary.hpp"

namespace fupin::server::documents {

using common::in;
using common::label_or_code;
using common::language;
namespace voc = common::vocabulary;

register_line register_line_of(const common::household& h, int position, const std::vector<std::string>& helpers,
                               language lang) {
    register_line line;
    line.position = position;
    line.group = h.group_name.empty() ? h.group_code : h.group_name;
    line.head_name = h.head_name;
    line.size = static_cast<int>(h.members.size());
    for (const auto& m : h.members) {
        if (m.relation == "head") {
            line.head_id_number = m.id_number;
            continue;
        }
        if (!line.members.empty()) line.members += in(lang, "、", "; ");
        line.members += m.name + in(lang, "（", " (") + label_or_code(voc::relations, m.relation, lang) + in(lang, "）", ")");
    }
    line.poverty_type = label_or_code(voc::poverty_types, h.poverty_type, lang);
    line.main_cause = label_or_code(voc::poverty_causes, h.main_cause, lang);
    line.per_capita_net_income = h.per_capita_net_income;
    line.status = label_or_code(voc::household_statuses, h.status, lang);
    for (const auto& name : helpers) line.helpers += (line.helpers.empty() ? "" : in(lang, "、", ", ")) + name;
    return line;
}

std::vector<std::string> register_titles(language lang) {
    return {in(lang, "序号", "No."),
            in(lang, "组", "Group"),
            in(lang, "户主", "Head"),
            in(lang, "户主身份证号", "Head's ID number"),
            in(lang, "人口", "Size"),
            in(lang, "其他家庭成员", "Other members"),
            in(lang, "贫困户属性", "Type"),
            in(lang, "主要致贫原因", "Main cause"),
            in(lang, "人均纯收入（元）", "Per capita (yuan)"),
            in(lang, "档案状态", "Status"),
            in(lang, "帮扶责任人", "Helpers")};
}

void register_totals::add(const common::household& h) {
    ++households;
    people += static_cast<int>(h.members.size());
    net_income += common::income_total(h.income);
    ++by_status[h.status];
}

void register_totals::add(const register_totals& other) {
    households += other.households;
    people += other.people;
    net_income += other.net_income;
    for (const auto& [status, n] : other.by_status) by_status[status] += n;
}

common::money_fen register_totals::per_capita() const { return people == 0 ? 0 : net_income / people; }

std::string register_totals::status_text(language lang) const {
    std::string out;
    // In the vocabulary's order, so every book reads the same way.
    for (const auto& entry : voc::household_statuses.entries)
        if (const auto it = by_status.find(entry.code); it != by_status.end())
            out += (out.empty() ? "" : in(lang, "、", ", ")) + common::label(voc::household_statuses, entry.code, lang) +
                   " " + std::to_string(it->second);
    return out;
}

std::string register_title(const common::area& area, language lang) {
    if (area.level == "township")
        return fmt::format(fmt::runtime(in(lang, "{}扶贫对象登记簿（乡镇簿）", "{}: township book of the poverty-alleviation archive")),
                           area.name);
    return fmt::format(fmt::runtime(in(lang, "{}扶贫对象花名册（村册）", "{}: village register of the poverty-alleviation archive")),
                       area.name);
}

}  // namespace fupin::server::documents
