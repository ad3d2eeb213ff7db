#include "common/archive_columns.hpp"

#include "common/display_text.hpp"

namespace fupin::common {
namespace {

namespace voc = vocabulary;
using H = const household&;
using M = const member&;
constexpr auto household_level = column_level::household;
constexpr auto member_level = column_level::member;

archive_column text(const char* zh, const char* en, column_level level, std::function<std::string(H, M)> get) {
    return {zh, en, column_kind::text, level, nullptr,
            [get = std::move(get)](H h, M m) { return archive_cell{get(h, m), std::nullopt}; }};
}

archive_column code(const char* zh, const char* en, column_level level, const vocabulary_list& list,
                    std::function<std::string(H, M)> get) {
    return {zh, en, column_kind::code, level, &list, [&list, get = std::move(get)](H h, M m) {
                const auto value = get(h, m);
                return archive_cell{value.empty() ? std::string() : label_or_code(list, value, language::zh),
                                    std::nullopt};
            }};
}

archive_column money(const char* zh, const char* en, column_level level, std::function<money_fen(H, M)> get) {
    return {zh, en, column_kind::money, level, nullptr, [get = std::move(get)](H h, M m) {
                const auto fen = get(h, m);
                return archive_cell{plain_amount(fen), static_cast<double>(fen) / 100.0};
            }};
}

archive_column decimal(const char* zh, const char* en, std::function<double(H)> get) {
    return {zh, en, column_kind::decimal, household_level, nullptr, [get = std::move(get)](H h, M) {
                const double value = get(h);
                return archive_cell{format_decimal(value), value};
            }};
}

archive_column count(const char* zh, const char* en, column_level level,
                     std::function<std::optional<std::int64_t>(H, M)> get) {
    return {zh, en, column_kind::count, level, nullptr, [get = std::move(get)](H h, M m) {
                const auto value = get(h, m);
                if (!value) return archive_cell{};
                return archive_cell{std::to_string(*value), static_cast<double>(*value)};
            }};
}

archive_column yes_no(const char* zh, const char* en, column_level level, std::function<bool(H, M)> get) {
    return {zh, en, column_kind::yes_no, level, nullptr,
            [get = std::move(get)](H h, M m) { return archive_cell{get(h, m) ? "是" : "否", std::nullopt}; }};
}

std::string joined_causes(H h) {
    std::string out;
    for (const auto& c : h.other_causes) out += (out.empty() ? "" : "、") + label_or_code(voc::poverty_causes, c, language::zh);
    return out;
}

std::vector<archive_column> make_columns() {
    return {
        count("户编号", "File number", household_level, [](H h, M) { return std::optional<std::int64_t>(h.id); }),
        text("乡镇", "Township", household_level, [](H h, M) { return h.township_name; }),
        text("村", "Village", household_level, [](H h, M) { return h.village_name; }),
        text("组", "Group", household_level, [](H h, M) { return h.group_name; }),
        text("组代码", "Group code", household_level, [](H h, M) { return h.group_code; }),
        code("档案状态", "Status", household_level, voc::household_statuses, [](H h, M) { return h.status; }),
        count("脱贫年度", "Exit year", household_level,
              [](H h, M) { return h.exit_year ? std::optional<std::int64_t>(*h.exit_year) : std::nullopt; }),
        text("家庭住址", "Address", household_level, [](H h, M) { return h.address; }),
        text("联系电话", "Phone", household_level, [](H h, M) { return h.phone; }),
        text("开户银行", "Bank", household_level, [](H h, M) { return h.bank_name; }),
        text("银行账号", "Bank account", household_level, [](H h, M) { return h.bank_account; }),
        code("识别标准", "Identification standard", household_level, voc::identification_standards,
             [](H h, M) { return h.identification_standard; }),
        code("贫困户属性", "Household type", household_level, voc::poverty_types, [](H h, M) { return h.poverty_type; }),
        code("主要致贫原因", "Main cause", household_level, voc::poverty_causes, [](H h, M) { return h.main_cause; }),
        text("其他致贫原因", "Other causes", household_level, [](H h, M) { return joined_causes(h); }),
        yes_no("军烈属", "Military family", household_level, [](H h, M) { return h.military_family; }),
        yes_no("独生子女户", "Only-child family", household_level, [](H h, M) { return h.only_child_family; }),
        yes_no("双女户", "Two-daughters family", household_level, [](H h, M) { return h.two_daughters_family; }),
        text("全国系统户编号", "National number", household_level, [](H h, M) { return h.national_number; }),
        // 收入 (元)
        count("收入年度", "Income year", household_level, [](H h, M) { return std::optional<std::int64_t>(h.income.year); }),
        money("工资性收入", "Wages", household_level, [](H h, M) { return h.income.wages; }),
        money("生产经营性收入", "Business income", household_level, [](H h, M) { return h.income.production_business; }),
        money("生产经营性支出", "Business expenses", household_level, [](H h, M) { return h.income.production_expenses; }),
        money("财产性收入", "Property income", household_level, [](H h, M) { return h.income.property; }),
        money("计划生育金", "Family planning", household_level, [](H h, M) { return h.income.transfers.family_planning; }),
        money("低保金", "Minimum allowance", household_level, [](H h, M) { return h.income.transfers.minimum_allowance; }),
        money("特困供养金", "Extreme-poverty support", household_level,
              [](H h, M) { return h.income.transfers.extreme_support; }),
        money("养老金", "Pension", household_level, [](H h, M) { return h.income.transfers.pension; }),
        money("生态补偿金", "Ecological compensation", household_level,
              [](H h, M) { return h.income.transfers.ecological_compensation; }),
        money("其他转移性收入", "Other transfers", household_level, [](H h, M) { return h.income.transfers.other; }),
        money("赡养性收入", "Support", household_level, [](H h, M) { return h.income.support; }),
        money("人均纯收入", "Per capita", household_level, [](H h, M) { return h.per_capita_net_income; }),
        // 土地 (亩)
        decimal("耕地面积", "Farmland (mu)", [](H h) { return h.land.contracted_mu; }),
        decimal("有效灌溉面积", "Irrigated (mu)", [](H h) { return h.land.irrigated_mu; }),
        decimal("流转地面积", "Transferred (mu)", [](H h) { return h.land.transferred_mu; }),
        decimal("撂荒地面积", "Abandoned (mu)", [](H h) { return h.land.abandoned_mu; }),
        decimal("林地面积", "Forest (mu)", [](H h) { return h.land.forest_mu; }),
        decimal("退耕还林面积", "Returned to forest (mu)", [](H h) { return h.land.returned_to_forest_mu; }),
        decimal("林果面积", "Orchards (mu)", [](H h) { return h.land.fruit_forest_mu; }),
        decimal("牧草地面积", "Pasture (mu)", [](H h) { return h.land.pasture_mu; }),
        decimal("水面面积", "Water surface (mu)", [](H h) { return h.land.water_surface_mu; }),
        // 生产生活条件
        code("住房", "Housing", household_level, voc::housing_conditions, [](H h, M) { return h.conditions.housing; }),
        code("危房等级", "Danger grade", household_level, voc::housing_danger_grades,
             [](H h, M) { return h.conditions.housing_danger_grade; }),
        decimal("住房面积", "Floor area (m2)", [](H h) { return h.conditions.housing_area_m2; }),
        yes_no("饮水困难", "Drinking water difficult", household_level,
               [](H h, M) { return h.conditions.drinking_water_difficult; }),
        yes_no("饮水安全", "Drinking water safe", household_level, [](H h, M) { return h.conditions.drinking_water_safe; }),
        yes_no("不愁吃", "Food secure", household_level, [](H h, M) { return h.conditions.food_secure; }),
        yes_no("不愁穿", "Clothing secure", household_level, [](H h, M) { return h.conditions.clothing_secure; }),
        code("生活用电", "Electricity", household_level, voc::electricity, [](H h, M) { return h.conditions.electricity; }),
        yes_no("生产用电", "Production electricity", household_level,
               [](H h, M) { return h.conditions.production_electricity; }),
        code("入户路类型", "Road to the house", household_level, voc::road_access,
             [](H h, M) { return h.conditions.road_access; }),
        decimal("与村主干路距离", "To the main road (km)", [](H h) { return h.conditions.main_road_distance_km; }),
        code("主要燃料类型", "Fuel", household_level, voc::fuel_types, [](H h, M) { return h.conditions.fuel; }),
        yes_no("卫生厕所", "Sanitary toilet", household_level, [](H h, M) { return h.conditions.sanitary_toilet; }),
        yes_no("加入农民专业合作社", "Cooperative member", household_level,
               [](H h, M) { return h.conditions.cooperative_member; }),
        code("消费水平", "Consumption level", household_level, voc::consumption_levels,
             [](H h, M) { return h.conditions.consumption_level; }),
        money("生产生活资产估值", "Assets (yuan)", household_level, [](H h, M) { return h.conditions.assets_value; }),
        text("资产说明", "Assets", household_level, [](H h, M) { return h.conditions.assets_note; }),
        // 三优先, 三不评
        yes_no("子女残疾的老人", "Elderly with disabled children", household_level,
               [](H h, M) { return h.identification.elderly_with_disabled_children; }),
        yes_no("独生子女户的老人", "Elderly parents of an only child", household_level,
               [](H h, M) { return h.identification.elderly_parents_of_only_child; }),
        yes_no("纯女户的老人", "Elderly of a daughters-only family", household_level,
               [](H h, M) { return h.identification.elderly_in_daughters_only_family; }),
        yes_no("拒不流转而撂荒", "Land abandoned, transfer refused", household_level,
               [](H h, M) { return h.identification.land_abandoned_refusing_transfer; }),
        yes_no("违反计划生育政策", "Family-planning violation", household_level,
               [](H h, M) { return h.identification.family_planning_violation; }),
        yes_no("赌博吸毒或违法犯罪", "Gambling, drugs or crime", household_level,
               [](H h, M) { return h.identification.gambling_drugs_or_crime; }),
        // 家庭成员
        text("姓名", "Name", member_level, [](H, M m) { return m.name; }),
        text("身份证号", "ID number", member_level, [](H, M m) { return m.id_number; }),
        code("与户主关系", "Relation", member_level, voc::relations, [](H, M m) { return m.relation; }),
        code("民族", "Ethnicity", member_level, voc::ethnicities, [](H, M m) { return m.ethnicity; }),
        code("政治面貌", "Political status", member_level, voc::political_statuses, [](H, M m) { return m.political_status; }),
        code("文化程度", "Education", member_level, voc::education_levels, [](H, M m) { return m.education; }),
        code("在校生状况", "Schooling", member_level, voc::schooling, [](H, M m) { return m.schooling; }),
        code("失学或辍学原因", "Out of school because", member_level, voc::out_of_school_reasons,
             [](H, M m) { return m.out_of_school_reason; }),
        code("健康状况", "Health", member_level, voc::health_conditions, [](H, M m) { return m.health; }),
        count("残疾等级", "Disability grade", member_level, [](H, M m) {
            return m.disability_grade ? std::optional<std::int64_t>(m.disability_grade) : std::nullopt;
        }),
        code("残疾类别", "Disability category", member_level, voc::disability_categories,
             [](H, M m) { return m.disability_category; }),
        text("残疾证号", "Disability certificate", member_level, [](H, M m) { return m.disability_certificate; }),
        code("劳动技能", "Labour capacity", member_level, voc::labour_capacities, [](H, M m) { return m.labour_capacity; }),
        code("务工状况", "Work", member_level, voc::work_statuses, [](H, M m) { return m.work_status; }),
        code("务工地点", "Work location", member_level, voc::work_locations, [](H, M m) { return m.work_location; }),
        count("务工时间（月）", "Months away", member_level,
              [](H, M m) { return std::optional<std::int64_t>(m.migrant_work_months); }),
        money("务工收入", "Migrant work income", member_level, [](H, M m) { return m.migrant_work_income; }),
        yes_no("参加城乡居民基本医疗保险", "Medical insurance", member_level, [](H, M m) { return m.medical_insurance; }),
        yes_no("参加城乡居民基本养老保险", "Pension insurance", member_level, [](H, M m) { return m.pension_insurance; }),
        yes_no("参加大病保险", "Serious-illness insurance", member_level,
               [](H, M m) { return m.serious_illness_insurance; }),
    };
}

}  // namespace

const std::vector<archive_column>& archive_columns() {
    static const std::vector<archive_column> columns = make_columns();
    return columns;
}

std::vector<std::string> archive_header(language lang) {
    std::vector<std::string> out;
    for (const auto& c : archive_columns()) out.emplace_back(lang == language::en ? c.en : c.zh);
    return out;
}

std::vector<std::vector<archive_cell>> archive_rows(const household& h) {
    std::vector<std::vector<archive_cell>> rows;
    for (const auto& m : h.members) {
        auto& row = rows.emplace_back();
        for (const auto& c : archive_columns()) row.push_back(c.read(h, m));
    }
    return rows;
}

}  // namespace fupin::common
