#include "client/event_printer.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include <fmt/format.h>

#include "client/text_layout.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;
namespace voc = common::vocabulary;
using nlohmann::json;

namespace {

// A summary field as text: strings as they are, numbers printed; "" when absent or of another type.
std::string field(const json& summary, const char* name) {
    const auto it = summary.find(name);
    if (it == summary.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    return {};
}

// A summary's code as text, nothing when the summary has none (the line leaves the part out).
std::string label_if_any(const common::vocabulary_list& list, const std::string& code, common::language lang) {
    return code.empty() ? std::string() : label_or_code(list, code, lang);
}

// "岩脚村(529901100201)", or the code alone when the name is not known.
std::string named(const std::string& name, const std::string& code) {
    if (name.empty()) return code;
    if (code.empty()) return name;
    return name + "(" + code + ")";
}

void add(std::vector<std::string>& parts, std::string text) {
    if (!text.empty()) parts.push_back(std::move(text));
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += "  ";
        out += p;
    }
    return out;
}

}  // namespace

std::string event_printer::china_time(const std::string& at) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    // The server writes UTC with a Z (and milliseconds); anything else is shown as it came.
    if (std::sscanf(at.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6 || at.back() != 'Z')
        return at;
    using namespace std::chrono;
    const sys_days utc_day{year{y} / month{static_cast<unsigned>(mo)} / day{static_cast<unsigned>(d)}};
    const auto china = utc_day + hours(h) + minutes(mi) + seconds(s) + hours(8);  // UTC+8, no daylight saving
    const auto china_day = floor<days>(china);
    const year_month_day ymd{china_day};
    const hh_mm_ss time{china - china_day};
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), time.hours().count(),
                       time.minutes().count(), time.seconds().count());
}

std::string event_printer::kind_label(const std::string& kind) const {
    if (kind == "household.created") return in(lang_, "新建户档案", "household created");
    if (kind == "household.updated") return in(lang_, "修改户档案", "household updated");
    if (kind == "posting.published") return in(lang_, "发布公示", "posting published");
    if (kind == "quota.set") return in(lang_, "下达名额", "quota set");
    if (kind == "poverty_line.set") return in(lang_, "设定扶贫标准", "poverty line set");
    if (kind == "helper_unit.created") return in(lang_, "登记帮扶单位", "helper unit added");
    if (kind == "helper_unit.updated") return in(lang_, "修改帮扶单位", "helper unit changed");
    if (kind == "helper.created") return in(lang_, "登记帮扶责任人", "helper added");
    if (kind == "helper.updated") return in(lang_, "修改帮扶责任人", "helper changed");
    if (kind == "pairing.started") return in(lang_, "结对帮扶", "helper paired");
    if (kind == "pairing.ended") return in(lang_, "结束结对", "pairing ended");
    if (kind == "pairing.changed") return in(lang_, "更换帮扶责任人", "helper changed for a household");
    if (kind == "measure.added") return in(lang_, "登记帮扶措施", "measure added");
    if (kind == "measure.updated") return in(lang_, "修改帮扶措施", "measure changed");
    if (kind == "project.added") return in(lang_, "登记帮扶项目", "project added");
    if (kind == "plan.saved") return in(lang_, "保存帮扶计划", "plan saved");
    if (kind == "visit.recorded") return in(lang_, "登记走访", "visit recorded");
    if (kind == "households.flagged") return in(lang_, "部门比对疑点", "flagged by a department's list");
    if (kind == "household.flag_cleared") return in(lang_, "核销比对疑点", "flag cleared");
    if (kind == "department_list.imported") return in(lang_, "导入部门名单", "department list imported");
    constexpr std::string_view application = "application.";
    if (kind.starts_with(application)) {
        const std::string action = kind.substr(application.size());
        const std::string& text = common::label(voc::procedure_actions, action, lang_);
        if (!text.empty()) return text;
    }
    return kind;
}

std::string event_printer::area(const feed_event& e) const {
    const json& s = e.summary;
    const std::string area_code = field(s, "area_code");
    const std::string area_name = field(s, "area_name");
    // Postings and quotas name their own area; cases and households name their village (and, when public,
    // their township).
    std::string township_name = field(s, "township_name");
    std::string village_name = field(s, "village_name");
    if (!area_code.empty() && area_code == e.village_code && village_name.empty()) village_name = area_name;
    if (!area_code.empty() && area_code == e.township_code && township_name.empty()) township_name = area_name;
    if (!e.village_code.empty()) {
        const std::string village = named(village_name, e.village_code);
        return township_name.empty() ? village : township_name + " " + village;
    }
    if (!e.township_code.empty()) return named(township_name, e.township_code);
    if (!area_code.empty()) return named(area_name, area_code);  // a county-level posting or quota
    return in(lang_, "全县", "county-wide");
}

std::string event_printer::details(const feed_event& e) const {
    const json& s = e.summary;
    const bool full = e.visibility != "public";
    std::vector<std::string> parts;
    const std::string year = field(s, "year");
    const auto year_text = [&] {
        return year.empty() ? std::string() : lang_ == common::language::en ? "year " + year : year + "年度";
    };
    if (e.kind.starts_with("household.")) {
        add(parts, field(s, "household_id").empty() ? "" : in(lang_, "户 ", "household ") + field(s, "household_id"));
        if (full) add(parts, field(s, "head_name"));
        if (const auto size = field(s, "household_size"); !size.empty())
            add(parts, lang_ == common::language::en ? size + " people" : size + "人");
        add(parts, label_if_any(voc::household_statuses, field(s, "status"), lang_));
        if (const auto v = field(s, "version"); !v.empty()) add(parts, in(lang_, "版本 ", "version ") + v);
    } else if (e.kind.starts_with("application.")) {
        add(parts, field(s, "application_id").empty() ? "" : in(lang_, "案件 ", "case ") + field(s, "application_id"));
        add(parts, year_text());
        // A public event of another area carries no name; the server leaves it out, and so does this line.
        if (full) add(parts, field(s, "head_name"));
        const std::string from = label_if_any(voc::application_states, field(s, "from_state"), lang_);
        const std::string to = label_if_any(voc::application_states, field(s, "to_state"), lang_);
        const std::string state = label_if_any(voc::application_states, field(s, "state"), lang_);
        if (!from.empty() && !to.empty()) add(parts, from + " → " + to);
        else add(parts, to.empty() ? state : to);
        if (full) {
            if (const auto reason = field(s, "reason"); !reason.empty()) add(parts, in(lang_, "理由：", "reason: ") + reason);
            if (const auto by = field(s, "by"); !by.empty()) add(parts, in(lang_, "经办 ", "by ") + by);
        }
    } else if (e.kind == "households.flagged" || e.kind == "department_list.imported") {
        add(parts, label_if_any(voc::department_list_kinds, field(s, "kind"), lang_));
        add(parts, year_text());
        if (const auto ids = s.find("household_ids"); ids != s.end() && ids->is_array()) {
            std::string listed;
            for (const auto& id : *ids) listed += (listed.empty() ? "" : ", ") + id.dump();
            add(parts, in(lang_, "户 ", "households ") + listed);
        }
        if (const auto n = field(s, "flagged_households"); !n.empty())
            add(parts, lang_ == common::language::en ? n + " households flagged" : "涉及" + n + "户");
    } else if (e.kind == "posting.published") {
        add(parts, label_if_any(voc::posting_levels, field(s, "level"), lang_));
        add(parts, year_text());
        if (const auto n = field(s, "households"); !n.empty())
            add(parts, lang_ == common::language::en ? n + " households" : n + "户");
        if (const auto last = field(s, "last_day"); !last.empty()) add(parts, in(lang_, "公示至 ", "until ") + last);
    } else if (e.kind == "quota.set") {
        add(parts, year_text());
        if (const auto q = field(s, "quota"); !q.empty()) add(parts, in(lang_, "名额 ", "places ") + q);
    } else if (e.kind.starts_with("helper")) {
        add(parts, field(s, "name"));
    } else if (e.kind.starts_with("pairing.")) {
        add(parts, field(s, "household_id").empty() ? "" : in(lang_, "户 ", "household ") + field(s, "household_id"));
        add(parts, field(s, "helper_name"));
        if (const auto it = s.find("replaces"); it != s.end() && it->is_object())
            add(parts, in(lang_, "接替 ", "replacing ") + field(*it, "helper_name"));
    } else if (e.kind.starts_with("measure.") || e.kind == "plan.saved" || e.kind == "visit.recorded") {
        add(parts, field(s, "household_id").empty() ? "" : in(lang_, "户 ", "household ") + field(s, "household_id"));
        add(parts, label_if_any(voc::measure_categories, field(s, "category"), lang_));
        add(parts, label_if_any(voc::measure_statuses, field(s, "status"), lang_));
        add(parts, label_if_any(voc::visit_kinds, field(s, "kind"), lang_));
        add(parts, field(s, "visited_on"));
    } else if (e.kind == "project.added") {
        add(parts, field(s, "name"));
        add(parts, label_if_any(voc::measure_categories, field(s, "category"), lang_));
    } else if (e.kind == "poverty_line.set") {
        add(parts, year_text());
        if (const auto it = s.find("amount"); it != s.end() && it->is_number())
            add(parts, format_yuan(static_cast<common::money_fen>(std::llround(it->get<double>() * 100.0)), lang_));
    }
    return joined(parts);
}

std::string event_printer::line(const feed_event& e) const {
    std::vector<std::string> parts{china_time(e.at), "#" + std::to_string(e.seq), kind_label(e.kind), area(e)};
    add(parts, details(e));
    return joined(parts) + "\n";
}

std::string event_printer::interruption(const feed_interruption& i) const {
    std::string out = in(lang_, "连接中断，正在重连…", "Connection lost, reconnecting…");
    if (i.cursor)
        out += lang_ == common::language::en ? fmt::format(" (resuming after #{}; {})", *i.cursor, i.reason)
                                             : fmt::format("（从 #{} 之后继续；{}）", *i.cursor, i.reason);
    return out + "\n";
}

}  // namespace fupin::client
