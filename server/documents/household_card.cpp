#include "server/documents/household_card.hpp"

#include <fmt/format.h>

#include "common/display_text.hpp"
#include "common/household_validation.hpp"
#include "common/vocabulary.hpp"
#include "server/documents/pdf_table.hpp"

namespace fupin::server::documents {
namespace {

using common::in;
using common::label_or_code;
using common::language;
namespace voc = common::vocabulary;

constexpr double section_size = 11;
constexpr double grid_font = 8.5;
constexpr double table_font = 7.5;

std::string yes_no(bool value, language lang) { return value ? in(lang, "是", "yes") : in(lang, "否", "no"); }
std::string yuan(common::money_fen fen) { return common::format_amount(fen); }
std::string mu(double value) { return common::format_decimal(value); }

void section(pdf_document& doc, const std::string& title) {
    doc.advance(6);
    // A heading is not left alone at the foot of a page: it needs room for a line of what follows.
    doc.ensure_space(section_size * 4);
    doc.paragraph(title, {section_size, true, text_align::left}, 3);
}

// Label/value pairs, three to a line, as the form's boxes.
void form_grid(pdf_document& doc, const std::vector<std::pair<std::string, std::string>>& pairs) {
    pdf_table grid(doc,
                   {{"", 1.1, text_align::left, true}, {"", 1.6}, {"", 1.1, text_align::left, true}, {"", 1.6},
                    {"", 1.1, text_align::left, true}, {"", 1.6}},
                   grid_font);
    std::vector<std::string> line;
    for (const auto& [label, value] : pairs) {
        line.push_back(label);
        line.push_back(common::or_dash(value));
        if (line.size() == 6) {
            grid.add_row(line);
            line.clear();
        }
    }
    if (!line.empty()) grid.add_row(line);
}

void basics(pdf_document& doc, const common::household& h, language lang) {
    const common::member* head = nullptr;
    for (const auto& m : h.members)
        if (m.relation == "head") head = &m;
    std::string causes;
    for (const auto& c : h.other_causes) causes += (causes.empty() ? "" : "、") + label_or_code(voc::poverty_causes, c, lang);
    std::string attributes;
    const auto attribute = [&](bool holds, const char* zh, const char* en) {
        if (holds) attributes += (attributes.empty() ? "" : "、") + std::string(in(lang, zh, en));
    };
    attribute(h.military_family, "军烈属", "military family");
    attribute(h.only_child_family, "独生子女户", "only-child family");
    attribute(h.two_daughters_family, "双女户", "two-daughters family");
    form_grid(doc, {
        {in(lang, "户主姓名", "Head of household"), h.head_name},
        {in(lang, "户主身份证号", "Head's ID number"), head ? head->id_number : ""},
        {in(lang, "家庭人口", "Household size"), std::to_string(h.members.size())},
        {in(lang, "联系电话", "Phone"), h.phone},
        {in(lang, "开户银行", "Bank"), h.bank_name},
        {in(lang, "银行账号", "Bank account"), h.bank_account},
        {in(lang, "家庭住址", "Address"), h.address},
        {in(lang, "识别标准", "Identification standard"),
         label_or_code(voc::identification_standards, h.identification_standard, lang)},
        {in(lang, "贫困户属性", "Household type"), label_or_code(voc::poverty_types, h.poverty_type, lang)},
        {in(lang, "主要致贫原因", "Main cause"), label_or_code(voc::poverty_causes, h.main_cause, lang)},
        {in(lang, "其他致贫原因", "Other causes"), causes},
        {in(lang, "其他属性", "Other attributes"), attributes},
        {in(lang, "档案状态", "Status"), label_or_code(voc::household_statuses, h.status, lang)},
        {in(lang, "脱贫年度", "Exit year"), h.exit_year ? std::to_string(*h.exit_year) : ""},
        {in(lang, "全国系统户编号", "National number"), h.national_number},
    });
}

void members(pdf_document& doc, const common::household& h, language lang) {
    pdf_table table(doc,
                    {{in(lang, "序号", "No."), 0.5, text_align::right},
                     {in(lang, "姓名", "Name"), 1.1},
                     {in(lang, "性别", "Sex"), 0.5},
                     {in(lang, "身份证号", "ID number"), 2.3},
                     {in(lang, "与户主关系", "Relation"), 0.9},
                     {in(lang, "民族", "Ethnicity"), 0.7},
                     {in(lang, "文化程度", "Education"), 0.9},
                     {in(lang, "在校生状况", "Schooling"), 0.9},
                     {in(lang, "健康状况", "Health"), 1.0},
                     {in(lang, "劳动技能", "Labour"), 0.9},
                     {in(lang, "务工状况", "Work"), 0.9},
                     {in(lang, "务工月数", "Months away"), 0.6, text_align::right},
                     {in(lang, "参保", "Insured"), 1.0}},
                    table_font);
    int position = 0;
    for (const auto& m : h.members) {
        std::string health = label_or_code(voc::health_conditions, m.health, lang);
        if (m.disability_grade > 0) health += fmt::format(fmt::runtime(in(lang, "（{}级）", " (grade {})")), m.disability_grade);
        std::string insured;
        const auto add = [&](bool holds, const char* zh, const char* en) {
            if (holds) insured += (insured.empty() ? "" : in(lang, "、", ", ")) + std::string(in(lang, zh, en));
        };
        add(m.medical_insurance, "医保", "medical");
        add(m.pension_insurance, "养老", "pension");
        add(m.serious_illness_insurance, "大病", "serious illness");
        table.add_row({std::to_string(++position), m.name, label_or_code(voc::sexes, m.sex, lang), m.id_number,
                       label_or_code(voc::relations, m.relation, lang), label_or_code(voc::ethnicities, m.ethnicity, lang),
                       label_or_code(voc::education_levels, m.education, lang),
                       label_or_code(voc::schooling, m.schooling, lang), health,
                       label_or_code(voc::labour_capacities, m.labour_capacity, lang),
                       label_or_code(voc::work_statuses, m.work_status, lang), std::to_string(m.migrant_work_months),
                       common::or_dash(insured)});
    }
}

void income(pdf_document& doc, const common::household& h, language lang) {
    const auto& i = h.income;
    const auto& t = i.transfers;
    form_grid(doc, {
        {in(lang, "收入年度", "Year"), i.year ? std::to_string(i.year) : ""},
        {in(lang, "工资性收入", "Wages"), yuan(i.wages)},
        {in(lang, "生产经营性收入", "Business income"), yuan(i.production_business)},
        {in(lang, "生产经营性支出", "Business expenses"), yuan(i.production_expenses)},
        {in(lang, "财产性收入", "Property income"), yuan(i.property)},
        {in(lang, "赡养性收入", "Support"), yuan(i.support)},
        {in(lang, "转移性收入", "Transfers"), yuan(common::transfers_total(t))},
        {in(lang, "其中：计划生育金", "  family planning"), yuan(t.family_planning)},
        {in(lang, "低保金", "  minimum allowance"), yuan(t.minimum_allowance)},
        {in(lang, "特困供养金", "  extreme-poverty support"), yuan(t.extreme_support)},
        {in(lang, "养老金", "  pension"), yuan(t.pension)},
        {in(lang, "生态补偿金", "  ecological compensation"), yuan(t.ecological_compensation)},
        {in(lang, "其他转移性收入", "  other transfers"), yuan(t.other)},
        {in(lang, "家庭年纯收入", "Net income"), yuan(common::income_total(i))},
        {in(lang, "人均纯收入", "Per capita"), yuan(h.per_capita_net_income)},
    });
}

void conditions(pdf_document& doc, const common::household& h, language lang) {
    const auto& l = h.land;
    const auto& c = h.conditions;
    // A dangerous house's grade names it (C级危房).
    const std::string housing = c.housing_danger_grade.empty()
                                    ? label_or_code(voc::housing_conditions, c.housing, lang)
                                    : label_or_code(voc::housing_danger_grades, c.housing_danger_grade, lang);
    form_grid(doc, {
        {in(lang, "耕地（亩）", "Farmland (mu)"), mu(l.contracted_mu)},
        {in(lang, "有效灌溉（亩）", "Irrigated (mu)"), mu(l.irrigated_mu)},
        {in(lang, "流转地（亩）", "Transferred (mu)"), mu(l.transferred_mu)},
        {in(lang, "林地（亩）", "Forest (mu)"), mu(l.forest_mu)},
        {in(lang, "退耕还林（亩）", "Returned to forest (mu)"), mu(l.returned_to_forest_mu)},
        {in(lang, "林果（亩）", "Orchards (mu)"), mu(l.fruit_forest_mu)},
        {in(lang, "牧草地（亩）", "Pasture (mu)"), mu(l.pasture_mu)},
        {in(lang, "水面（亩）", "Water surface (mu)"), mu(l.water_surface_mu)},
        {in(lang, "撂荒地（亩）", "Abandoned (mu)"), mu(l.abandoned_mu)},
        {in(lang, "住房", "Housing"), housing},
        {in(lang, "住房面积（㎡）", "Floor area (m²)"), mu(c.housing_area_m2)},
        {in(lang, "饮水困难", "Drinking water difficult"), yes_no(c.drinking_water_difficult, lang)},
        {in(lang, "饮水安全", "Drinking water safe"), yes_no(c.drinking_water_safe, lang)},
        {in(lang, "不愁吃", "Food secure"), yes_no(c.food_secure, lang)},
        {in(lang, "不愁穿", "Clothing secure"), yes_no(c.clothing_secure, lang)},
        {in(lang, "生活用电", "Electricity"), label_or_code(voc::electricity, c.electricity, lang)},
        {in(lang, "生产用电", "Production electricity"), yes_no(c.production_electricity, lang)},
        {in(lang, "入户路类型", "Road to the house"), label_or_code(voc::road_access, c.road_access, lang)},
        {in(lang, "距村主干路（公里）", "To the main road (km)"), mu(c.main_road_distance_km)},
        {in(lang, "主要燃料", "Fuel"), label_or_code(voc::fuel_types, c.fuel, lang)},
        {in(lang, "卫生厕所", "Sanitary toilet"), yes_no(c.sanitary_toilet, lang)},
        {in(lang, "加入合作社", "Cooperative member"), yes_no(c.cooperative_member, lang)},
        {in(lang, "生产生活资产（元）", "Assets (yuan)"), yuan(c.assets_value)},
        {in(lang, "资产说明", "Assets"), c.assets_note},
    });
}

void helpers(pdf_document& doc, const std::vector<common::pairing>& pairings, language lang) {
    pdf_table table(doc,
                    {{in(lang, "帮扶责任人", "Helper"), 1.2},
                     {in(lang, "帮扶单位", "Unit"), 2.2},
                     {in(lang, "职务", "Post"), 1.2},
                     {in(lang, "联系电话", "Phone"), 1.4},
                     {in(lang, "结对时间", "Paired since"), 1.4}},
                    table_font);
    if (pairings.empty()) table.add_row({in(lang, "（尚未结对）", "(none yet)")});
    for (const auto& p : pairings)
        table.add_row({p.helper_name, p.unit_name, p.helper_post, p.helper_phone,
                       common::format_beijing_time(p.started_at_ms).substr(0, 10)});
}

void measures(pdf_document& doc, const std::vector<common::measure>& items, language lang) {
    pdf_table table(doc,
                    {{in(lang, "年度", "Year"), 0.6, text_align::right},
                     {in(lang, "类别", "Category"), 1.2},
                     {in(lang, "措施内容", "What is done"), 3.2},
                     {in(lang, "状态", "Status"), 0.8},
                     {in(lang, "资金（元）", "Funds (yuan)"), 1.1, text_align::right},
                     {in(lang, "责任人", "Helper"), 1.0}},
                    table_font);
    if (items.empty()) table.add_row({"", in(lang, "（尚无帮扶措施）", "(no measures yet)")});
    for (const auto& m : items)
        table.add_row({std::to_string(m.plan_year), label_or_code(voc::measure_categories, m.category, lang), m.content,
                       label_or_code(voc::measure_statuses, m.status, lang), yuan(common::planned_total(m)),
                       common::or_dash(m.helper_name)});
}

void signatures(pdf_document& doc, language lang) {
    constexpr double box_height = 62;
    doc.advance(10);
    doc.ensure_space(box_height);
    const double width = doc.content_width() / 3;
    const double top = doc.cursor();
    const char* titles[3][2]{{"户主签字（按手印）", "Head of household (signature or thumbprint)"},
                             {"村委会（盖章）", "Village committee (seal)"},
                             {"乡镇人民政府（盖章）", "Township government (seal)"}};
    for (int i = 0; i < 3; ++i) {
        const double x = doc.left() + i * width;
        doc.stroke_rectangle(x, top, width, box_height);
        doc.draw_text(x + 6, top + 6, width - 12, in(lang, titles[i][0], titles[i][1]), {9, true, text_align::left});
        doc.draw_text(x + 6, top + box_height - 18, width - 12, in(lang, "年    月    日", "Date:"),
                      {9, false, text_align::right});
    }
    doc.advance(box_height);
}

}  // namespace

std::string household_card_title(language lang) {
    return in(lang, "扶贫开发建档立卡贫困户登记表（户卡）", "Registered poor household: household card");
}

void draw_household_card(pdf_document& doc, const household_card& card, language lang) {
    const auto& h = card.household;
    doc.paragraph(household_card_title(lang), {16, true, text_align::center}, 6);
    doc.paragraph(fmt::format(fmt::runtime(in(lang, "{} {} {}　　档案编号：{}", "{}, {}, {}    File no. {}")),
                              common::or_dash(h.township_name), common::or_dash(h.village_name),
                              common::or_dash(h.group_name), h.id),
                  {9, false, text_align::center}, 6);
    section(doc, in(lang, "一、基本情况", "1. The household"));
    basics(doc, h, lang);
    section(doc, in(lang, "二、家庭成员", "2. Members"));
    members(doc, h, lang);
    section(doc, in(lang, "三、收入情况（元）", "3. Income (yuan)"));
    income(doc, h, lang);
    section(doc, in(lang, "四、生产生活条件", "4. Production and living conditions"));
    conditions(doc, h, lang);
    section(doc, in(lang, "五、帮扶责任人", "5. Helpers"));
    helpers(doc, card.helpers, lang);
    section(doc, in(lang, "六、帮扶措施", "6. Measures"));
    measures(doc, card.measures, lang);
    signatures(doc, lang);
}

}  // namespace fupin::server::documents
