#include "client/household_printer.hpp"

#include <map>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "client/text_layout.hpp"
#include "common/household_json.hpp"
#include "common/household_validation.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;
namespace voc = common::vocabulary;
using common::language;

namespace {

std::string enum_text(const common::vocabulary_list& list, const std::string& code, language lang) {
    if (code.empty()) return "-";
    const std::string& text = common::label(list, code, lang);
    return text.empty() ? code : text;  // a code this client does not know yet: show it as it is
}


// "石门镇 (529901101)", or just the code when the name is not known.
std::string area_text(const std::string& name, const std::string& code) {
    if (name.empty()) return or_dash(code);
    return code.empty() ? name : name + " (" + code + ")";
}

// Label/value lines with the values aligned after the widest label.
std::string labelled(const std::vector<std::pair<std::string, std::string>>& lines, const std::string& indent = "") {
    std::size_t width = 0;
    for (const auto& [label, value] : lines) width = std::max(width, display_width(label));
    std::string out;
    for (const auto& [label, value] : lines) out += indent + pad(label, width) + "  " + value + "\n";
    return out;
}

const std::map<std::string, std::pair<const char*, const char*>, std::less<>>& field_labels() {
    static const std::map<std::string, std::pair<const char*, const char*>, std::less<>> labels{
        {"township_code", {"乡镇", "township"}},        {"village_code", {"村", "village"}},
        {"group_code", {"村民小组", "village group"}},  {"head_name", {"户主", "head of household"}},
        {"address", {"住址", "address"}},              {"phone", {"联系电话", "phone"}},
        {"bank_name", {"开户银行", "bank"}},           {"bank_account", {"银行账号", "bank account"}},
        {"land", {"土地", "land"}},                    {"contracted_mu", {"承包地", "contracted land"}},
        {"transferred_mu", {"流转地", "transferred land"}}, {"abandoned_mu", {"撂荒地", "abandoned land"}},
        {"conditions", {"生产生活条件", "living conditions"}}, {"housing", {"住房状况", "housing"}},
        {"irrigated_mu", {"有效灌溉面积", "irrigated land"}}, {"forest_mu", {"林地", "forest land"}},
        {"returned_to_forest_mu", {"退耕还林", "farmland returned to forest"}}, {"fruit_forest_mu", {"林果", "orchards"}},
        {"pasture_mu", {"牧草地", "pasture"}},         {"water_surface_mu", {"水面", "water surface"}},
        {"housing_danger_grade", {"危房等级", "dilapidation grade"}},
        {"housing_area_m2", {"住房面积", "housing area"}}, {"drinking_water_difficult", {"饮水困难", "water hard to get"}},
        {"drinking_water_safe", {"饮水安全", "safe drinking water"}},
        {"food_secure", {"不愁吃", "food secure"}},     {"clothing_secure", {"不愁穿", "clothing secure"}},
        {"out_of_school_reason", {"未在校原因", "why not in school"}},
        {"electricity", {"生活用电", "electricity"}},  {"production_electricity", {"生产用电", "power for production"}},
        {"road_access", {"入户路类型", "road to the house"}},
        {"main_road_distance_km", {"与村主干路距离", "distance to the main road"}}, {"fuel", {"主要燃料类型", "main fuel"}},
        {"sanitary_toilet", {"卫生厕所", "sanitary toilet"}}, {"cooperative_member", {"加入农民专业合作社", "cooperative member"}},
        {"consumption_level", {"消费水平", "consumption level"}}, {"assets_value", {"资产估值", "assets value"}},
        {"assets_note", {"资产说明", "assets note"}},  {"members", {"家庭成员", "members"}},
        {"name", {"姓名", "name"}},                    {"id_number", {"身份证号", "ID number"}},
        // Helpers and pairing (helper_commands, pairing_commands).
        {"unit_id", {"帮扶单位", "unit"}},             {"level", {"级别", "level"}},
        {"area_code", {"区划代码", "area code"}},      {"post", {"职务", "post"}},
        {"helper_id", {"帮扶责任人", "helper"}},       {"reason", {"理由", "reason"}},
        {"volunteer_background", {"志愿服务队身份", "volunteer background"}},
        {"team_leader", {"志愿服务队队长", "team leader"}},
        {"sex", {"性别", "sex"}},                      {"birth_date", {"出生日期", "date of birth"}},
        {"relation", {"与户主关系", "relation"}},      {"education", {"文化程度", "education"}},
        {"health", {"健康状况", "health"}},            {"disability_grade", {"残疾等级", "disability grade"}},
        {"labour_capacity", {"劳动技能", "labour capacity"}},
        {"ethnicity", {"民族", "ethnicity"}},          {"political_status", {"政治面貌", "political status"}},
        {"schooling", {"在校生状况", "schooling"}},    {"disability_category", {"残疾类别", "disability category"}},
        {"disability_certificate", {"残疾证号", "disability certificate"}},
        {"work_status", {"务工状况", "work"}},         {"work_location", {"务工地点", "place of work"}},
        {"medical_insurance", {"参加城乡居民基本医疗保险", "basic medical insurance"}},
        {"pension_insurance", {"参加城乡居民基本养老保险", "basic pension insurance"}},
        {"serious_illness_insurance", {"参加大病保险", "serious illness insurance"}}, {"migrant_work_months", {"务工月数", "months of migrant work"}},
        {"migrant_work_income", {"务工收入", "migrant work income"}}, {"income", {"收入", "income"}},
        {"year", {"年度", "year"}},                    {"wages", {"工资性收入", "wages"}},
        {"production_business", {"生产经营性收入", "production and business income"}},
        {"property", {"财产性收入", "property income"}}, {"transfers", {"转移性收入", "transfer income"}},
        {"production_expenses", {"生产经营性支出", "production costs"}}, {"support", {"赡养性收入", "support"}},
        {"family_planning", {"计划生育金", "family planning"}}, {"minimum_allowance", {"低保金", "minimum allowance"}},
        {"extreme_support", {"特困供养金", "extreme-poverty support"}}, {"pension", {"养老金", "pension"}},
        {"ecological_compensation", {"生态补偿金", "ecological compensation"}}, {"other", {"其他", "other"}},
        {"causes", {"致贫原因", "causes of poverty"}}, {"main", {"主要致贫原因", "main cause"}},
        {"others", {"其他致贫原因", "other causes"}},
        {"identification_standard", {"识别标准", "identification standard"}},
        {"poverty_type", {"贫困户属性", "kind of poor household"}},
        {"military_family", {"军烈属", "military or martyr's family"}},
        {"only_child_family", {"独生子女户", "one-child family"}},
        {"two_daughters_family", {"双女户", "two-daughter family"}},
        {"national_number", {"全国户编号", "national household number"}}, {"version", {"版本", "version"}},
        {"status", {"状态", "status"}},
    };
    return labels;
}

}  // namespace

std::string household_printer::field_name(std::string_view path) const {
    if (path.empty() || lang_ == language::en) return std::string(path);
    std::string out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto dot = path.find('.', start);
        std::string_view segment = path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        std::string index;
        if (const auto bracket = segment.find('['); bracket != std::string_view::npos) {
            index = std::string(segment.substr(bracket + 1, segment.find(']', bracket) - bracket - 1));
            segment = segment.substr(0, bracket);
        }
        const auto& labels = field_labels();
        const auto found = labels.find(segment);
        if (found == labels.end()) return std::string(path);  // not ours to translate
        if (!out.empty()) out += "·";
        if (!index.empty()) {  // members[0] → 第1位家庭成员, others[1] → 第2项其他致贫原因
            int n = 0;
            try { n = std::stoi(index) + 1; } catch (const std::exception&) { return std::string(path); }
            out += rformat(segment == "members" ? "第{}位" : "第{}项", n);
        }
        out += found->second.first;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return out + "（" + std::string(path) + "）";
}

std::string household_printer::household(const common::household& h) const {
    const bool en = lang_ == language::en;
    const auto yuan = [&](common::money_fen fen) { return format_yuan(fen, lang_); };
    const auto yes_no = [&](bool b) { return std::string(b ? in(lang_, "是", "yes") : in(lang_, "否", "no")); };
    const std::string mu = in(lang_, " 亩", " mu");

    std::string causes = enum_text(voc::poverty_causes, h.main_cause, lang_);
    if (!h.other_causes.empty()) {
        causes += in(lang_, "；其他：", "; others: ");
        for (std::size_t i = 0; i < h.other_causes.size(); ++i)
            causes += (i ? in(lang_, "、", ", ") : "") + enum_text(voc::poverty_causes, h.other_causes[i], lang_);
    }
    const auto& c = h.conditions;
    // The transfers' parts that are not zero, after their sum: "（低保金 1,200.00 元、养老金 600.00 元）".
    const auto& t = h.income.transfers;
    std::string transfer_parts;
    for (const auto& [amount, zh, en_label] :
         {std::tuple{t.family_planning, "计划生育金", "family planning"}, {t.minimum_allowance, "低保金", "minimum allowance"},
          {t.extreme_support, "特困供养金", "extreme-poverty support"}, {t.pension, "养老金", "pension"},
          {t.ecological_compensation, "生态补偿金", "ecological compensation"}, {t.other, "其他", "other"}}) {
        if (amount == 0) continue;
        transfer_parts += (transfer_parts.empty() ? "" : in(lang_, "、", ", ")) + std::string(in(lang_, zh, en_label)) +
                          " " + yuan(amount);
    }
    if (!transfer_parts.empty()) transfer_parts = (en ? " (" : "（") + transfer_parts + (en ? ")" : "）");
    // Land other than fields, the kinds the household has: "林地 12 亩、牧草地 3 亩".
    const auto& l = h.land;
    std::string other_land;
    for (const auto& [amount, zh, en_label] :
         {std::tuple{l.forest_mu, "林地", "forest"}, {l.returned_to_forest_mu, "退耕还林", "returned to forest"},
          {l.fruit_forest_mu, "林果", "orchards"}, {l.pasture_mu, "牧草地", "pasture"},
          {l.water_surface_mu, "水面", "water surface"}}) {
        if (amount == 0) continue;
        other_land += (other_land.empty() ? "" : in(lang_, "、", ", ")) + std::string(in(lang_, zh, en_label)) + " " +
                      format_decimal(amount) + mu;
    }
    // The year a household was registered; an exited one's year it left and how long it keeps its policies
    // (脱贫不脱政策).
    const auto status_text = [&](const common::household& f) {
        std::vector<std::string> years;
        if (f.registered_year) years.push_back(rformat(in(lang_, "{} 年建档", "registered {}"), *f.registered_year));
        if (f.exit_year) years.push_back(rformat(in(lang_, "{} 年脱贫", "out of poverty in {}"), *f.exit_year));
        if (f.policies_until)
            years.push_back(rformat(in(lang_, "帮扶政策保持至 {} 年底", "policies kept through {}"), *f.policies_until));
        std::string text = enum_text(voc::household_statuses, f.status, lang_);
        for (std::size_t i = 0; i < years.size(); ++i)
            text += (i == 0 ? in(lang_, "（", " (") : in(lang_, "，", "; ")) + years[i];
        if (!years.empty()) text += in(lang_, "）", ")");
        return text;
    };
    std::string housing = enum_text(voc::housing_conditions, c.housing, lang_);
    if (!c.housing_danger_grade.empty())
        housing += (en ? " (" : "（") + enum_text(voc::housing_danger_grades, c.housing_danger_grade, lang_) + (en ? ")" : "）");
    std::string out = labelled({
        {in(lang_, "户编号", "Household ID"), std::to_string(h.id) + in(lang_, "（版本 ", " (version ") + std::to_string(h.version) + in(lang_, "）", ")")},
        {in(lang_, "状态", "Status"), status_text(h)},
        {in(lang_, "乡镇", "Township"), area_text(h.township_name, h.township_code)},
        {in(lang_, "村", "Village"), area_text(h.village_name, h.village_code)},
        {in(lang_, "组", "Group"), area_text(h.group_name, h.group_code)},
        {in(lang_, "户主", "Head"), or_dash(h.head_name)},
        {in(lang_, "全国户编号", "National number"), or_dash(h.national_number)},
        {in(lang_, "识别标准", "Standard"), enum_text(voc::identification_standards, h.identification_standard, lang_)},
        {in(lang_, "贫困户属性", "Kind"), enum_text(voc::poverty_types, h.poverty_type, lang_)},
        {in(lang_, "军烈属", "Military family"), yes_no(h.military_family)},
        {in(lang_, "独生子女户", "One-child family"), yes_no(h.only_child_family)},
        {in(lang_, "双女户", "Two-daughter family"), yes_no(h.two_daughters_family)},
        {in(lang_, "住址", "Address"), or_dash(h.address)},
        {in(lang_, "联系电话", "Phone"), or_dash(h.phone)},
        {in(lang_, "开户银行", "Bank"), or_dash(h.bank_name)},
        {in(lang_, "银行账号", "Bank account"), or_dash(h.bank_account)},
        {in(lang_, "耕地", "Fields"), std::string(in(lang_, "承包地 ", "contracted ")) + format_decimal(l.contracted_mu) + mu +
                                in(lang_, "，有效灌溉 ", ", irrigated ") + format_decimal(l.irrigated_mu) + mu +
                                in(lang_, "，流转地 ", ", transferred ") + format_decimal(l.transferred_mu) + mu +
                                in(lang_, "，撂荒地 ", ", abandoned ") + format_decimal(l.abandoned_mu) + mu},
        {in(lang_, "林地等", "Other land"), or_dash(other_land)},
        {in(lang_, "住房", "Housing"), housing + in(lang_, "，", ", ") + format_decimal(c.housing_area_m2) +
                                  in(lang_, " 平方米", " m²")},
        {in(lang_, "饮水困难", "Water hard to get"), yes_no(c.drinking_water_difficult)},
        {in(lang_, "饮水安全", "Safe drinking water"), yes_no(c.drinking_water_safe)},
        {in(lang_, "不愁吃、不愁穿", "Food, clothing secure"),
         yes_no(c.food_secure) + (en ? ", " : "、") + yes_no(c.clothing_secure)},
        {in(lang_, "生活用电", "Electricity"), enum_text(voc::electricity, c.electricity, lang_)},
        {in(lang_, "生产用电", "Power for production"), yes_no(c.production_electricity)},
        {in(lang_, "入户路类型", "Road to the house"), enum_text(voc::road_access, c.road_access, lang_)},
        {in(lang_, "与村主干路距离", "To the main road"), format_decimal(c.main_road_distance_km) + in(lang_, " 公里", " km")},
        {in(lang_, "主要燃料类型", "Main fuel"), enum_text(voc::fuel_types, c.fuel, lang_)},
        {in(lang_, "卫生厕所", "Sanitary toilet"), yes_no(c.sanitary_toilet)},
        {in(lang_, "农民专业合作社", "Cooperative member"), yes_no(c.cooperative_member)},
        {in(lang_, "消费水平", "Consumption"), enum_text(voc::consumption_levels, c.consumption_level, lang_)},
        {in(lang_, "资产估值", "Assets"), yuan(c.assets_value) + (c.assets_note.empty() ? "" : (en ? " (" : "（") + c.assets_note + (en ? ")" : "）"))},
        {in(lang_, "收入年度", "Income year"), std::to_string(h.income.year)},
        {in(lang_, "工资性收入", "Wages"), yuan(h.income.wages)},
        {in(lang_, "生产经营性收入", "Production/business"), yuan(h.income.production_business)},
        {in(lang_, "生产经营性支出", "Production costs"), yuan(h.income.production_expenses)},
        {in(lang_, "财产性收入", "Property income"), yuan(h.income.property)},
        {in(lang_, "转移性收入", "Transfers"), yuan(common::transfers_total(t)) + transfer_parts},
        {in(lang_, "赡养性收入", "Support from relatives"), yuan(h.income.support)},
        {in(lang_, "家庭纯收入合计", "Total net income"), yuan(common::income_total(h.income))},
        {in(lang_, "人均纯收入", "Per-capita net income"), yuan(h.per_capita_net_income)},
        {in(lang_, "致贫原因", "Causes of poverty"), causes},
        {in(lang_, "建档时间", "Created"), or_dash(format_beijing_time(h.created_at_ms))},
        {in(lang_, "更新时间", "Updated"), or_dash(format_beijing_time(h.updated_at_ms))},
    });

    out += en ? fmt::format("\nMembers ({}):\n", h.members.size()) : fmt::format("\n家庭成员（{}人）：\n", h.members.size());
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : h.members) {
        std::string health = enum_text(voc::health_conditions, m.health, lang_);
        if (m.disability_grade > 0) health += en ? fmt::format(" (grade {})", m.disability_grade) : fmt::format("（{}级）", m.disability_grade);
        rows.push_back({m.name, m.id_number, enum_text(voc::sexes, m.sex, lang_), or_dash(m.birth_date),
                        enum_text(voc::relations, m.relation, lang_), enum_text(voc::education_levels, m.education, lang_),
                        health, enum_text(voc::labour_capacities, m.labour_capacity, lang_),
                        std::to_string(m.migrant_work_months), format_amount(m.migrant_work_income)});
    }
    out += format_table(
        en ? std::vector<std::string>{"Name", "ID number", "Sex", "Born", "Relation", "Education", "Health", "Labour",
                                      "Migrant months", "Migrant income"}
           : std::vector<std::string>{"姓名", "身份证号", "性别", "出生日期", "与户主关系", "文化程度", "健康状况",
                                      "劳动技能", "务工月数", "务工收入(元)"},
        rows,
        {align::left, align::left, align::left, align::left, align::left, align::left, align::left, align::left,
         align::right, align::right});

    // The rest of the form's member columns, in a second table so that each fits a terminal.
    std::vector<std::vector<std::string>> details;
    for (const auto& m : h.members) {
        std::string disability = "—";
        if (!m.disability_category.empty())
            disability = enum_text(voc::disability_categories, m.disability_category, lang_) +
                         (m.disability_certificate.empty() ? "" : " " + m.disability_certificate);
        std::string work = enum_text(voc::work_statuses, m.work_status, lang_);
        if (!m.work_location.empty()) work += (en ? ", " : "，") + enum_text(voc::work_locations, m.work_location, lang_);
        details.push_back({m.name, enum_text(voc::ethnicities, m.ethnicity, lang_),
                           enum_text(voc::political_statuses, m.political_status, lang_),
                           enum_text(voc::schooling, m.schooling, lang_) +
                               (m.out_of_school_reason.empty()
                                    ? ""
                                    : (en ? " (" : "（") +
                                          enum_text(voc::out_of_school_reasons, m.out_of_school_reason, lang_) +
                                          (en ? ")" : "）")),
                           disability, work,
                           yes_no(m.medical_insurance), yes_no(m.pension_insurance),
                           yes_no(m.serious_illness_insurance)});
    }
    out += "\n";
    out += format_table(
        en ? std::vector<std::string>{"Name", "Ethnicity", "Political status", "Schooling", "Disability", "Work",
                                      "Medical ins.", "Pension ins.", "Serious illness ins."}
           : std::vector<std::string>{"姓名", "民族", "政治面貌", "在校生状况", "残疾类别及证号", "务工状况",
                                      "医疗保险", "养老保险", "大病保险"},
        details,
        {align::left, align::left, align::left, align::left, align::left, align::left, align::left, align::left,
         align::left});
    return out;
}

std::string household_printer::member_change(const common::member_change& c, const common::household& after) const {
    std::string out = rformat(in(lang_, "已登记成员变更 {}：户 {}，{} {}（{}），{}\n",
                                 "Member change {} recorded: household {}, {} {} ({}), {}\n"),
                              c.id, c.household_id, enum_text(voc::member_change_kinds, c.kind, lang_), c.name,
                              c.new_id_number.empty() ? c.id_number : c.id_number + " → " + c.new_id_number,
                              c.effective_on);
    if (!c.new_head_name.empty()) out += rformat(in(lang_, "新户主：{}\n", "New head: {}\n"), c.new_head_name);
    if (c.income_removed > 0)
        out += rformat(in(lang_, "其务工收入 {} 已从家庭工资性收入中减去\n", "Their migrant work income of {} left the wages\n"),
                       format_yuan(c.income_removed, lang_));
    out += rformat(in(lang_, "家庭人口 {} → {} 人，人均纯收入 {}（版本 {}）\n",
                      "Members {} → {}, per-capita net income {} (version {})\n"),
                   c.size_before, c.size_after, format_yuan(after.per_capita_net_income, lang_), after.version);
    return out;
}

std::string household_printer::member_change_table(const std::vector<common::member_change>& items) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : items)
        rows.push_back({c.effective_on, enum_text(voc::member_change_kinds, c.kind, lang_), c.name,
                        c.new_id_number.empty() ? c.id_number : c.id_number + " → " + c.new_id_number,
                        std::to_string(c.size_before) + " → " + std::to_string(c.size_after), c.reason,
                        c.recorded_by});
    if (rows.empty()) return in(lang_, "（没有成员变更记录）\n", "(no member changes)\n");
    return format_table({in(lang_, "日期", "Date"), in(lang_, "变更", "Change"), in(lang_, "成员", "Member"),
                         in(lang_, "身份证号", "ID number"), in(lang_, "人数", "Members"), in(lang_, "原因", "Reason"),
                         in(lang_, "登记人", "By")},
                        rows);
}

std::string household_printer::household_table(const std::vector<common::household>& items) const {
    const bool en = lang_ == language::en;
    std::vector<std::vector<std::string>> rows;
    for (const auto& h : items)
        rows.push_back({std::to_string(h.id), or_dash(h.head_name), or_dash(h.village_name.empty() ? h.village_code : h.village_name),
                        or_dash(h.group_name.empty() ? h.group_code : h.group_name), std::to_string(h.members.size()),
                        format_amount(h.per_capita_net_income), enum_text(voc::household_statuses, h.status, lang_),
                        or_dash(format_beijing_time(h.updated_at_ms))});
    std::string out = format_table(
        en ? std::vector<std::string>{"ID", "Head", "Village", "Group", "Size", "Per-capita income (yuan)", "Status", "Updated"}
           : std::vector<std::string>{"户编号", "户主", "村", "组", "人口", "人均纯收入(元)", "状态", "更新时间"},
        rows, {align::right, align::left, align::left, align::left, align::right, align::right, align::left, align::left});
    out += en ? fmt::format("{} household{}\n", items.size(), items.size() == 1 ? "" : "s")
              : fmt::format("共 {} 户\n", items.size());
    return out;
}

std::string household_printer::next_page_hint(const std::string& next_page_token) const {
    if (next_page_token.empty()) return {};
    return rformat(in(lang_, "还有下一页：加上 --page-token {} 继续查看，或用 --all 列出全部\n",
                         "More on the next page: add --page-token {} to continue, or use --all\n"),
                       next_page_token);
}

std::string household_printer::health(const nlohmann::json& status) const {
    const auto text = [&](const char* key) {
        return status.contains(key) && status.at(key).is_string() ? status.at(key).get<std::string>() : std::string("-");
    };
    std::string time = text("time");
    try {
        time = format_beijing_time(common::parse_utc_ms(time, "time")) + in(lang_, "（北京时间）", " (Beijing time)");
    } catch (const std::exception&) {
        // leave the text as the server sent it
    }
    const bool ok = text("status") == "ok";
    return std::string(ok ? in(lang_, "县服务器运行正常\n", "The county server is up\n") : in(lang_, "县服务器状态异常\n", "The county server reports a problem\n")) +
           labelled({{in(lang_, "状态", "Status"), text("status")},
                     {in(lang_, "服务", "Service"), text("service") + " " + text("version")},
                     {in(lang_, "数据库", "Database"), text("database")},
                     {in(lang_, "本证书区域", "Certificate area"), text("caller_area")},
                     {in(lang_, "服务器时间", "Server time"), time}});
}

std::string household_printer::stored_notice(bool created, bool replayed) const {
    if (replayed) return in(lang_, "这份档案此前已经提交过，服务器返回的是第一次保存的记录，没有重复建档。\n",
                           "This file was submitted before: the server returned the record it stored then, nothing new was made.\n");
    return created ? in(lang_, "已建档，服务器保存的档案如下：\n", "Created. The stored household:\n")
                   : in(lang_, "已更新，服务器保存的档案如下：\n", "Updated. The stored household:\n");
}

std::string household_printer::error(const client_error& e) const {
    const bool en = lang_ == language::en;
    switch (e.kind()) {
    case error_kind::unreachable:
        return rformat(in(lang_, "错误：无法连接县服务器：{}\n请检查网络，以及配置中的服务器地址（server）。\n",
                             "Error: cannot reach the county server: {}\nCheck the network and the server setting.\n"),
                           e.message());
    case error_kind::tls:
        return rformat(in(lang_, "错误：与县服务器建立安全连接（TLS）失败：{}\n"
                             "请检查本乡镇的证书（cert、key）和县级根证书（ca）是否正确、是否已过期或被吊销。\n",
                             "Error: the secure connection (TLS) to the county server failed: {}\n"
                             "Check this township's certificate and key (cert, key) and the county CA (ca); they may "
                             "be wrong, expired or revoked.\n"),
                           e.message());
    case error_kind::protocol:
        return rformat(in(lang_, "错误：无法识别县服务器的应答：{}\n", "Error: the county server's answer is not understood: {}\n"),
                           e.message());
    case error_kind::http: break;
    }
    std::string out = rformat(in(lang_, "错误：{}\n", "Error: {}\n"), e.message().empty() ? "HTTP " + std::to_string(e.status()) : e.message());
    if (!e.field().empty()) out += rformat(in(lang_, "字段：{}\n", "Field: {}\n"), field_name(e.field()));
    const auto& d = e.details();
    const auto detail = [&](const char* key) {
        return d.is_object() && d.contains(key) ? (d.at(key).is_string() ? d.at(key).get<std::string>() : d.at(key).dump())
                                                : std::string();
    };
    if (e.code() == "person_already_registered" && d.is_object()) {
        std::string where = area_text(detail("township_name"), detail("township_code")) + " " +
                            area_text(detail("village_name"), detail("village_code"));
        if (!detail("household_id").empty())
            where += rformat(in(lang_, "，户编号 {}", ", household {}"), detail("household_id"));
        out += rformat(in(lang_, "已登记在：{}\n", "Registered in: {}\n"), where);
        // The name is masked (张*) when the file is another township's, as in `lookup`.
        if (!detail("name").empty())
            out += rformat(in(lang_, "登记姓名：{}，档案状态：{}\n", "Registered as: {}, file status: {}\n"), detail("name"),
                           enum_text(voc::household_statuses, detail("household_status"), lang_));
    } else if (e.code() == "version_conflict" && !detail("current_version").empty()) {
        out += rformat(in(lang_, "服务器上的当前版本是 {}：别人已经改过这户档案。请用 household show 取回最新档案，核对后再修改。\n",
                             "The server has version {}: someone changed this file. Fetch it with household show, "
                             "check it, and edit again.\n"),
                           detail("current_version"));
    } else if (d.is_object() && !d.empty()) {
        for (const auto& [key, value] : d.items())
            out += fmt::format("  {}: {}\n", key, value.is_string() ? value.get<std::string>() : value.dump());
    }
    if (e.retry_after_seconds() > 0)
        out += rformat(in(lang_, "请 {} 秒后重试。\n", "Retry after {} s.\n"), e.retry_after_seconds());
    out += rformat(en ? "(code {}, HTTP {})\n" : "（代码 {}，HTTP {}）\n", e.code().empty() ? "-" : e.code(), e.status());
    return out;
}

std::string household_printer::local_problems(const std::vector<common::api_error>& problems) const {
    std::string out = rformat(in(lang_, "本地检查未通过，共 {} 处问题，未发送到服务器：\n",
                                    "The local check found {} problem(s); nothing was sent to the server:\n"),
                                  problems.size());
    int n = 0;
    for (const auto& p : problems) {
        out += fmt::format("{:>3}. {}", ++n, p.message(lang_));
        if (!p.field().empty()) out += rformat(in(lang_, "\n     字段：{}", "\n     field: {}"), field_name(p.field()));
        out += fmt::format(" [{}]\n", p.code());
    }
    return out;
}

}  // namespace fupin::client
