#include "common/archive_columns.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "common/display_text.hpp"

namespace fupin::common {
namespace {

namespace voc = vocabulary;
using H = const archive_household&;
using M = const member&;
using WH = archive_household&;
using WM = member&;
using problem = std::optional<cell_problem>;
constexpr auto household_level = column_level::household;
constexpr auto member_level = column_level::member;

template <class T>
using setter = std::function<void(WH, WM, T)>;

// A number as a spreadsheet or a clerk writes it: digits with an optional sign and decimal point; thousands
// separators (",") are dropped. nullopt for anything else.
std::optional<double> number_in(std::string text) {
    std::erase(text, ',');
    if (text.empty()) return std::nullopt;
    double value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

cell_problem not_a_number() { return {"不是数字", "is not a number"}; }

archive_column text(const char* zh, const char* en, column_level level, const char* field,
                    std::function<std::string(H, M)> get, setter<std::string> set) {
    return {zh, en, column_kind::text, level, nullptr, field,
            [get = std::move(get)](H h, M m) { return archive_cell{get(h, m), std::nullopt}; },
            set ? [set = std::move(set)](WH h, WM m, const std::string& cell) -> problem {
                set(h, m, cell);
                return std::nullopt;
            } : decltype(archive_column::write)()};
}

// A code is read from its Chinese label, its English label or the code itself.
archive_column code(const char* zh, const char* en, column_level level, const vocabulary_list& list, const char* field,
                    std::function<std::string(H, M)> get, setter<std::string> set) {
    return {zh, en, column_kind::code, level, &list, field,
            [&list, get = std::move(get)](H h, M m) {
                const auto value = get(h, m);
                return archive_cell{value.empty() ? std::string() : label_or_code(list, value, language::zh),
                                    std::nullopt};
            },
            [&list, set = std::move(set)](WH h, WM m, const std::string& cell) -> problem {
                if (cell.empty()) {
                    set(h, m, "");
                    return std::nullopt;
                }
                for (const auto& e : list.entries)
                    if (cell == e.zh || cell == e.code || cell == e.en) {
                        set(h, m, e.code);
                        return std::nullopt;
                    }
                // A long list (the 56 ethnicities) is in the template's 填写说明 sheet, not in every message.
                if (list.entries.size() > 12)
                    return cell_problem{"「" + cell + "」不是可选的值（见模板的填写说明）",
                                        "'" + cell + "' is not one of the values (see the template's notes)"};
                std::string zh, en;
                for (const auto& e : list.entries) {
                    zh += (zh.empty() ? "" : "、") + e.zh;
                    en += (en.empty() ? "" : ", ") + e.en;
                }
                return cell_problem{"「" + cell + "」不是可选的值（" + zh + "）",
                                    "'" + cell + "' is not one of the values (" + en + ")"};
            }};
}

// Yuan with at most two decimals, kept in fen.
archive_column money(const char* zh, const char* en, column_level level, const char* field,
                     std::function<money_fen(H, M)> get, setter<money_fen> set) {
    return {zh, en, column_kind::money, level, nullptr, field,
            [get = std::move(get)](H h, M m) {
                const auto fen = get(h, m);
                return archive_cell{plain_amount(fen), static_cast<double>(fen) / 100.0};
            },
            set ? [set = std::move(set)](WH h, WM m, const std::string& cell) -> problem {
                if (cell.empty()) {
                    set(h, m, 0);
                    return std::nullopt;
                }
                const auto yuan = number_in(cell);
                if (!yuan) return not_a_number();
                if (std::fabs(*yuan) >= 1e13) return cell_problem{"金额超出范围", "is an amount out of range"};
                const auto fen = static_cast<money_fen>(std::llround(*yuan * 100));
                if (std::fabs(static_cast<double>(fen) - *yuan * 100) > 1e-6)
                    return cell_problem{"金额最多保留两位小数（到分）", "must have at most two decimals (fen)"};
                set(h, m, fen);
                return std::nullopt;
            } : decltype(archive_column::write)()};
}

archive_column decimal(const char* zh, const char* en, const char* field, std::function<double(H)> get,
                       std::function<void(WH, double)> set) {
    return {zh, en, column_kind::decimal, household_level, nullptr, field,
            [get = std::move(get)](H h, M) {
                const double value = get(h);
                return archive_cell{format_decimal(value), value};
            },
            [set = std::move(set)](WH h, WM, const std::string& cell) -> problem {
                const auto value = cell.empty() ? std::optional<double>(0) : number_in(cell);
                if (!value) return not_a_number();
                set(h, *value);
                return std::nullopt;
            }};
}

archive_column count(const char* zh, const char* en, column_level level, const char* field,
                     std::function<std::optional<std::int64_t>(H, M)> get,
                     setter<std::optional<std::int64_t>> set) {
    return {zh, en, column_kind::count, level, nullptr, field,
            [get = std::move(get)](H h, M m) {
                const auto value = get(h, m);
                if (!value) return archive_cell{};
                return archive_cell{std::to_string(*value), static_cast<double>(*value)};
            },
            set ? [set = std::move(set)](WH h, WM m, const std::string& cell) -> problem {
                if (cell.empty()) {
                    set(h, m, std::nullopt);
                    return std::nullopt;
                }
                const auto value = number_in(cell);
                if (!value || *value != std::floor(*value) || std::fabs(*value) > 1e9)
                    return cell_problem{"不是整数", "is not a whole number"};
                set(h, m, static_cast<std::int64_t>(*value));
                return std::nullopt;
            } : decltype(archive_column::write)()};
}

archive_column yes_no(const char* zh, const char* en, column_level level, const char* field,
                      std::function<bool(H, M)> get, setter<bool> set) {
    return {zh, en, column_kind::yes_no, level, nullptr, field,
            [get = std::move(get)](H h, M m) { return archive_cell{get(h, m) ? "是" : "否", std::nullopt}; },
            [set = std::move(set)](WH h, WM m, const std::string& cell) -> problem {
                static const char* const yes[] = {"是", "有", "Y", "y", "yes", "Yes", "YES", "1", "√"};
                static const char* const no[] = {"否", "无", "N", "n", "no", "No", "NO", "0", ""};
                for (const char* y : yes)
                    if (cell == y) return set(h, m, true), std::nullopt;
                for (const char* n : no)
                    if (cell == n) return set(h, m, false), std::nullopt;
                return cell_problem{"「" + cell + "」应为「是」或「否」", "'" + cell + "' must be 是 (yes) or 否 (no)"};
            }};
}

std::string joined_causes(H h) {
    std::string out;
    for (const auto& c : h.file.other_causes) out += (out.empty() ? "" : "、") + label_or_code(voc::poverty_causes, c, language::zh);
    return out;
}

// The parts of a list cell: separated by 、，, ; or ；, each trimmed of spaces, empty parts kept (a helper
// without a phone between two with one).
std::vector<std::string> list_parts(const std::string& cell) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < cell.size();) {
        static constexpr std::string_view separators[] = {"、", "，", "；", ",", ";"};
        bool split = false;
        for (auto sep : separators)
            if (std::string_view(cell).substr(i).starts_with(sep)) {
                parts.emplace_back();
                i += sep.size();
                split = true;
                break;
            }
        if (!split) parts.back() += cell[i++];
    }
    for (auto& p : parts) {
        while (!p.empty() && p.front() == ' ') p.erase(0, 1);
        while (!p.empty() && p.back() == ' ') p.pop_back();
    }
    return parts;
}

// 其他致贫原因: labels or codes, as a list cell.
problem set_other_causes(WH h, const std::string& cell) {
    h.file.other_causes.clear();
    if (cell.empty()) return std::nullopt;
    for (const auto& part : list_parts(cell)) {
        if (part.empty()) continue;
        const auto& causes = voc::poverty_causes.entries;
        const auto it = std::find_if(causes.begin(), causes.end(),
                                     [&](const auto& e) { return part == e.zh || part == e.code || part == e.en; });
        if (it == causes.end())
            return cell_problem{"「" + part + "」不是致贫原因", "'" + part + "' is not a cause of poverty"};
        h.file.other_causes.push_back(it->code);
    }
    return std::nullopt;
}

std::string joined_helpers(H h, std::string archive_helper::*field) {
    std::string out;
    for (std::size_t i = 0; i < h.helpers.size(); ++i) out += (i ? "、" : "") + h.helpers[i].*field;
    // Phones all empty: nothing, so the column reads as empty.
    return out.find_first_not_of("、") == std::string::npos ? std::string() : out;
}

problem set_helpers(WH h, std::string archive_helper::*field, const std::string& cell) {
    if (cell.empty()) return std::nullopt;
    const auto parts = list_parts(cell);
    if (h.helpers.size() < parts.size()) h.helpers.resize(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) h.helpers[i].*field = parts[i];
    return std::nullopt;
}

std::optional<int> year_of(const std::optional<std::int64_t>& v) {
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

std::vector<archive_column> make_columns() {
    return {
        count("户编号", "File number", household_level, "", [](H h, M) { return std::optional<std::int64_t>(h.file.id); },
              nullptr),
        text("乡镇", "Township", household_level, "", [](H h, M) { return h.file.township_name; }, nullptr),
        text("村", "Village", household_level, "", [](H h, M) { return h.file.village_name; }, nullptr),
        text("组", "Group", household_level, "", [](H h, M) { return h.file.group_name; }, nullptr),
        text("组代码", "Group code", household_level, "group_code", [](H h, M) { return h.file.group_code; },
             [](WH h, WM, std::string v) {
                 // The group's code names its village and township: their codes are its first 12 and 9 digits.
                 h.file.township_code = v.substr(0, std::min<std::size_t>(9, v.size()));
                 h.file.village_code = v.substr(0, std::min<std::size_t>(12, v.size()));
                 h.file.group_code = std::move(v);
             }),
        code("档案状态", "Status", household_level, voc::household_statuses, "status", [](H h, M) { return h.file.status; },
             [](WH h, WM, std::string v) { h.file.status = v.empty() ? "pending" : std::move(v); }),
        count("建档年度", "Registration year", household_level, "registered_year",
              [](H h, M) { return h.file.registered_year ? std::optional<std::int64_t>(*h.file.registered_year) : std::nullopt; },
              [](WH h, WM, std::optional<std::int64_t> v) { h.file.registered_year = year_of(v); }),
        count("脱贫年度", "Exit year", household_level, "exit_year",
              [](H h, M) { return h.file.exit_year ? std::optional<std::int64_t>(*h.file.exit_year) : std::nullopt; },
              [](WH h, WM, std::optional<std::int64_t> v) { h.file.exit_year = year_of(v); }),
        text("家庭住址", "Address", household_level, "address", [](H h, M) { return h.file.address; },
             [](WH h, WM, std::string v) { h.file.address = std::move(v); }),
        text("联系电话", "Phone", household_level, "phone", [](H h, M) { return h.file.phone; },
             [](WH h, WM, std::string v) { h.file.phone = std::move(v); }),
        text("开户银行", "Bank", household_level, "bank_name", [](H h, M) { return h.file.bank_name; },
             [](WH h, WM, std::string v) { h.file.bank_name = std::move(v); }),
        text("银行账号", "Bank account", household_level, "bank_account", [](H h, M) { return h.file.bank_account; },
             [](WH h, WM, std::string v) { h.file.bank_account = std::move(v); }),
        code("识别标准", "Identification standard", household_level, voc::identification_standards,
             "identification_standard", [](H h, M) { return h.file.identification_standard; },
             [](WH h, WM, std::string v) { h.file.identification_standard = std::move(v); }),
        code("贫困户属性", "Household type", household_level, voc::poverty_types, "poverty_type",
             [](H h, M) { return h.file.poverty_type; }, [](WH h, WM, std::string v) { h.file.poverty_type = std::move(v); }),
        code("主要致贫原因", "Main cause", household_level, voc::poverty_causes, "causes.main",
             [](H h, M) { return h.file.main_cause; }, [](WH h, WM, std::string v) { h.file.main_cause = std::move(v); }),
        {"其他致贫原因", "Other causes", column_kind::text, household_level, nullptr, "causes.others",
         [](H h, M) { return archive_cell{joined_causes(h), std::nullopt}; },
         [](WH h, WM, const std::string& cell) { return set_other_causes(h, cell); }},
        yes_no("军烈属", "Military family", household_level, "military_family", [](H h, M) { return h.file.military_family; },
               [](WH h, WM, bool v) { h.file.military_family = v; }),
        yes_no("独生子女户", "Only-child family", household_level, "only_child_family",
               [](H h, M) { return h.file.only_child_family; }, [](WH h, WM, bool v) { h.file.only_child_family = v; }),
        yes_no("双女户", "Two-daughters family", household_level, "two_daughters_family",
               [](H h, M) { return h.file.two_daughters_family; }, [](WH h, WM, bool v) { h.file.two_daughters_family = v; }),
        text("全国系统户编号", "National number", household_level, "national_number",
             [](H h, M) { return h.file.national_number; }, [](WH h, WM, std::string v) { h.file.national_number = std::move(v); }),
        // 收入 (元)
        count("收入年度", "Income year", household_level, "income.year",
              [](H h, M) { return std::optional<std::int64_t>(h.file.income.year); },
              [](WH h, WM, std::optional<std::int64_t> v) { h.file.income.year = static_cast<int>(v.value_or(0)); }),
        money("工资性收入", "Wages", household_level, "income.wages", [](H h, M) { return h.file.income.wages; },
              [](WH h, WM, money_fen v) { h.file.income.wages = v; }),
        money("生产经营性收入", "Business income", household_level, "income.production_business",
              [](H h, M) { return h.file.income.production_business; },
              [](WH h, WM, money_fen v) { h.file.income.production_business = v; }),
        money("生产经营性支出", "Business expenses", household_level, "income.production_expenses",
              [](H h, M) { return h.file.income.production_expenses; },
              [](WH h, WM, money_fen v) { h.file.income.production_expenses = v; }),
        money("财产性收入", "Property income", household_level, "income.property", [](H h, M) { return h.file.income.property; },
              [](WH h, WM, money_fen v) { h.file.income.property = v; }),
        money("计划生育金", "Family planning", household_level, "income.transfers.family_planning",
              [](H h, M) { return h.file.income.transfers.family_planning; },
              [](WH h, WM, money_fen v) { h.file.income.transfers.family_planning = v; }),
        money("低保金", "Minimum allowance", household_level, "income.transfers.minimum_allowance",
              [](H h, M) { return h.file.income.transfers.minimum_allowance; },
              [](WH h, WM, money_fen v) { h.file.income.transfers.minimum_allowance = v; }),
        money("特困供养金", "Extreme-poverty support", household_level, "income.transfers.extreme_support",
              [](H h, M) { return h.file.income.transfers.extreme_support; },
              [](WH h, WM, money_fen v) { h.file.income.transfers.extreme_support = v; }),
        money("养老金", "Pension", household_level, "income.transfers.pension",
              [](H h, M) { return h.file.income.transfers.pension; },
              [](WH h, WM, money_fen v) { h.file.income.transfers.pension = v; }),
        money("生态补偿金", "Ecological compensation", household_level, "income.transfers.ecological_compensation",
              [](H h, M) { return h.file.income.transfers.ecological_compensation; },
              [](WH h, WM, money_fen v) { h.file.income.transfers.ecological_compensation = v; }),
        money("其他转移性收入", "Other transfers", household_level, "income.transfers.other",
              [](H h, M) { return h.file.income.transfers.other; },
              [](WH h, WM, money_fen v) { h.file.income.transfers.other = v; }),
        money("赡养性收入", "Support", household_level, "income.support", [](H h, M) { return h.file.income.support; },
              [](WH h, WM, money_fen v) { h.file.income.support = v; }),
        money("人均纯收入", "Per capita", household_level, "", [](H h, M) { return h.file.per_capita_net_income; }, nullptr),
        // 土地 (亩)
        decimal("耕地面积", "Farmland (mu)", "land.contracted_mu", [](H h) { return h.file.land.contracted_mu; },
                [](WH h, double v) { h.file.land.contracted_mu = v; }),
        decimal("有效灌溉面积", "Irrigated (mu)", "land.irrigated_mu", [](H h) { return h.file.land.irrigated_mu; },
                [](WH h, double v) { h.file.land.irrigated_mu = v; }),
        decimal("流转地面积", "Transferred (mu)", "land.transferred_mu", [](H h) { return h.file.land.transferred_mu; },
                [](WH h, double v) { h.file.land.transferred_mu = v; }),
        decimal("撂荒地面积", "Abandoned (mu)", "land.abandoned_mu", [](H h) { return h.file.land.abandoned_mu; },
                [](WH h, double v) { h.file.land.abandoned_mu = v; }),
        decimal("林地面积", "Forest (mu)", "land.forest_mu", [](H h) { return h.file.land.forest_mu; },
                [](WH h, double v) { h.file.land.forest_mu = v; }),
        decimal("退耕还林面积", "Returned to forest (mu)", "land.returned_to_forest_mu",
                [](H h) { return h.file.land.returned_to_forest_mu; }, [](WH h, double v) { h.file.land.returned_to_forest_mu = v; }),
        decimal("林果面积", "Orchards (mu)", "land.fruit_forest_mu", [](H h) { return h.file.land.fruit_forest_mu; },
                [](WH h, double v) { h.file.land.fruit_forest_mu = v; }),
        decimal("牧草地面积", "Pasture (mu)", "land.pasture_mu", [](H h) { return h.file.land.pasture_mu; },
                [](WH h, double v) { h.file.land.pasture_mu = v; }),
        decimal("水面面积", "Water surface (mu)", "land.water_surface_mu", [](H h) { return h.file.land.water_surface_mu; },
                [](WH h, double v) { h.file.land.water_surface_mu = v; }),
        // 生产生活条件
        code("住房", "Housing", household_level, voc::housing_conditions, "conditions.housing",
             [](H h, M) { return h.file.conditions.housing; }, [](WH h, WM, std::string v) { h.file.conditions.housing = std::move(v); }),
        code("危房等级", "Danger grade", household_level, voc::housing_danger_grades, "conditions.housing_danger_grade",
             [](H h, M) { return h.file.conditions.housing_danger_grade; },
             [](WH h, WM, std::string v) { h.file.conditions.housing_danger_grade = std::move(v); }),
        decimal("住房面积", "Floor area (m2)", "conditions.housing_area_m2", [](H h) { return h.file.conditions.housing_area_m2; },
                [](WH h, double v) { h.file.conditions.housing_area_m2 = v; }),
        yes_no("饮水困难", "Drinking water difficult", household_level, "conditions.drinking_water_difficult",
               [](H h, M) { return h.file.conditions.drinking_water_difficult; },
               [](WH h, WM, bool v) { h.file.conditions.drinking_water_difficult = v; }),
        yes_no("饮水安全", "Drinking water safe", household_level, "conditions.drinking_water_safe",
               [](H h, M) { return h.file.conditions.drinking_water_safe; },
               [](WH h, WM, bool v) { h.file.conditions.drinking_water_safe = v; }),
        yes_no("不愁吃", "Food secure", household_level, "conditions.food_secure",
               [](H h, M) { return h.file.conditions.food_secure; }, [](WH h, WM, bool v) { h.file.conditions.food_secure = v; }),
        yes_no("不愁穿", "Clothing secure", household_level, "conditions.clothing_secure",
               [](H h, M) { return h.file.conditions.clothing_secure; },
               [](WH h, WM, bool v) { h.file.conditions.clothing_secure = v; }),
        code("生活用电", "Electricity", household_level, voc::electricity, "conditions.electricity",
             [](H h, M) { return h.file.conditions.electricity; },
             [](WH h, WM, std::string v) { h.file.conditions.electricity = std::move(v); }),
        yes_no("生产用电", "Production electricity", household_level, "conditions.production_electricity",
               [](H h, M) { return h.file.conditions.production_electricity; },
               [](WH h, WM, bool v) { h.file.conditions.production_electricity = v; }),
        code("入户路类型", "Road to the house", household_level, voc::road_access, "conditions.road_access",
             [](H h, M) { return h.file.conditions.road_access; },
             [](WH h, WM, std::string v) { h.file.conditions.road_access = std::move(v); }),
        decimal("与村主干路距离", "To the main road (km)", "conditions.main_road_distance_km",
                [](H h) { return h.file.conditions.main_road_distance_km; },
                [](WH h, double v) { h.file.conditions.main_road_distance_km = v; }),
        code("主要燃料类型", "Fuel", household_level, voc::fuel_types, "conditions.fuel",
             [](H h, M) { return h.file.conditions.fuel; }, [](WH h, WM, std::string v) { h.file.conditions.fuel = std::move(v); }),
        yes_no("卫生厕所", "Sanitary toilet", household_level, "conditions.sanitary_toilet",
               [](H h, M) { return h.file.conditions.sanitary_toilet; },
               [](WH h, WM, bool v) { h.file.conditions.sanitary_toilet = v; }),
        yes_no("加入农民专业合作社", "Cooperative member", household_level, "conditions.cooperative_member",
               [](H h, M) { return h.file.conditions.cooperative_member; },
               [](WH h, WM, bool v) { h.file.conditions.cooperative_member = v; }),
        code("消费水平", "Consumption level", household_level, voc::consumption_levels, "conditions.consumption_level",
             [](H h, M) { return h.file.conditions.consumption_level; },
             [](WH h, WM, std::string v) { h.file.conditions.consumption_level = std::move(v); }),
        money("生产生活资产估值", "Assets (yuan)", household_level, "conditions.assets_value",
              [](H h, M) { return h.file.conditions.assets_value; },
              [](WH h, WM, money_fen v) { h.file.conditions.assets_value = v; }),
        text("资产说明", "Assets", household_level, "conditions.assets_note", [](H h, M) { return h.file.conditions.assets_note; },
             [](WH h, WM, std::string v) { h.file.conditions.assets_note = std::move(v); }),
        // 三优先, 三不评
        yes_no("子女残疾的老人", "Elderly with disabled children", household_level,
               "identification.elderly_with_disabled_children",
               [](H h, M) { return h.file.identification.elderly_with_disabled_children; },
               [](WH h, WM, bool v) { h.file.identification.elderly_with_disabled_children = v; }),
        yes_no("独生子女户的老人", "Elderly parents of an only child", household_level,
               "identification.elderly_parents_of_only_child",
               [](H h, M) { return h.file.identification.elderly_parents_of_only_child; },
               [](WH h, WM, bool v) { h.file.identification.elderly_parents_of_only_child = v; }),
        yes_no("纯女户的老人", "Elderly of a daughters-only family", household_level,
               "identification.elderly_in_daughters_only_family",
               [](H h, M) { return h.file.identification.elderly_in_daughters_only_family; },
               [](WH h, WM, bool v) { h.file.identification.elderly_in_daughters_only_family = v; }),
        yes_no("拒不流转而撂荒", "Land abandoned, transfer refused", household_level,
               "identification.land_abandoned_refusing_transfer",
               [](H h, M) { return h.file.identification.land_abandoned_refusing_transfer; },
               [](WH h, WM, bool v) { h.file.identification.land_abandoned_refusing_transfer = v; }),
        yes_no("违反计划生育政策", "Family-planning violation", household_level, "identification.family_planning_violation",
               [](H h, M) { return h.file.identification.family_planning_violation; },
               [](WH h, WM, bool v) { h.file.identification.family_planning_violation = v; }),
        yes_no("赌博吸毒或违法犯罪", "Gambling, drugs or crime", household_level, "identification.gambling_drugs_or_crime",
               [](H h, M) { return h.file.identification.gambling_drugs_or_crime; },
               [](WH h, WM, bool v) { h.file.identification.gambling_drugs_or_crime = v; }),
        // 帮扶责任人: the helpers answering now, names and phones in the same order.
        {"帮扶责任人", "Helpers", column_kind::text, household_level, nullptr, "",
         [](H h, M) { return archive_cell{joined_helpers(h, &archive_helper::name), std::nullopt}; },
         [](WH h, WM, const std::string& cell) { return set_helpers(h, &archive_helper::name, cell); }},
        {"帮扶责任人电话", "Helpers' phones", column_kind::text, household_level, nullptr, "",
         [](H h, M) { return archive_cell{joined_helpers(h, &archive_helper::phone), std::nullopt}; },
         [](WH h, WM, const std::string& cell) { return set_helpers(h, &archive_helper::phone, cell); }},
        // 家庭成员
        text("姓名", "Name", member_level, "name", [](H, M m) { return m.name; },
             [](WH, WM m, std::string v) { m.name = std::move(v); }),
        text("身份证号", "ID number", member_level, "id_number", [](H, M m) { return m.id_number; },
             [](WH, WM m, std::string v) { m.id_number = std::move(v); }),
        code("与户主关系", "Relation", member_level, voc::relations, "relation", [](H, M m) { return m.relation; },
             [](WH, WM m, std::string v) { m.relation = std::move(v); }),
        code("民族", "Ethnicity", member_level, voc::ethnicities, "ethnicity", [](H, M m) { return m.ethnicity; },
             [](WH, WM m, std::string v) { m.ethnicity = std::move(v); }),
        code("政治面貌", "Political status", member_level, voc::political_statuses, "political_status",
             [](H, M m) { return m.political_status; }, [](WH, WM m, std::string v) { m.political_status = std::move(v); }),
        code("文化程度", "Education", member_level, voc::education_levels, "education", [](H, M m) { return m.education; },
             [](WH, WM m, std::string v) { m.education = std::move(v); }),
        code("在校生状况", "Schooling", member_level, voc::schooling, "schooling", [](H, M m) { return m.schooling; },
             [](WH, WM m, std::string v) { m.schooling = std::move(v); }),
        code("失学或辍学原因", "Out of school because", member_level, voc::out_of_school_reasons, "out_of_school_reason",
             [](H, M m) { return m.out_of_school_reason; },
             [](WH, WM m, std::string v) { m.out_of_school_reason = std::move(v); }),
        code("健康状况", "Health", member_level, voc::health_conditions, "health", [](H, M m) { return m.health; },
             [](WH, WM m, std::string v) { m.health = std::move(v); }),
        count("残疾等级", "Disability grade", member_level, "disability_grade",
              [](H, M m) {
                  return m.disability_grade ? std::optional<std::int64_t>(m.disability_grade) : std::nullopt;
              },
              [](WH, WM m, std::optional<std::int64_t> v) { m.disability_grade = static_cast<int>(v.value_or(0)); }),
        code("残疾类别", "Disability category", member_level, voc::disability_categories, "disability_category",
             [](H, M m) { return m.disability_category; },
             [](WH, WM m, std::string v) { m.disability_category = std::move(v); }),
        text("残疾证号", "Disability certificate", member_level, "disability_certificate",
             [](H, M m) { return m.disability_certificate; },
             [](WH, WM m, std::string v) { m.disability_certificate = std::move(v); }),
        code("劳动技能", "Labour capacity", member_level, voc::labour_capacities, "labour_capacity",
             [](H, M m) { return m.labour_capacity; }, [](WH, WM m, std::string v) { m.labour_capacity = std::move(v); }),
        code("务工状况", "Work", member_level, voc::work_statuses, "work_status", [](H, M m) { return m.work_status; },
             [](WH, WM m, std::string v) { m.work_status = std::move(v); }),
        code("务工地点", "Work location", member_level, voc::work_locations, "work_location",
             [](H, M m) { return m.work_location; }, [](WH, WM m, std::string v) { m.work_location = std::move(v); }),
        count("务工时间（月）", "Months away", member_level, "migrant_work_months",
              [](H, M m) { return std::optional<std::int64_t>(m.migrant_work_months); },
              [](WH, WM m, std::optional<std::int64_t> v) { m.migrant_work_months = static_cast<int>(v.value_or(0)); }),
        money("务工收入", "Migrant work income", member_level, "migrant_work_income",
              [](H, M m) { return m.migrant_work_income; }, [](WH, WM m, money_fen v) { m.migrant_work_income = v; }),
        yes_no("参加城乡居民基本医疗保险", "Medical insurance", member_level, "medical_insurance",
               [](H, M m) { return m.medical_insurance; }, [](WH, WM m, bool v) { m.medical_insurance = v; }),
        yes_no("参加城乡居民基本养老保险", "Pension insurance", member_level, "pension_insurance",
               [](H, M m) { return m.pension_insurance; }, [](WH, WM m, bool v) { m.pension_insurance = v; }),
        yes_no("参加大病保险", "Serious-illness insurance", member_level, "serious_illness_insurance",
               [](H, M m) { return m.serious_illness_insurance; }, [](WH, WM m, bool v) { m.serious_illness_insurance = v; }),
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

const archive_column* archive_column_named(const std::string& header) {
    for (const auto& c : archive_columns())
        if (header == c.zh || header == c.en) return &c;
    return nullptr;
}

std::vector<std::vector<archive_cell>> archive_rows(const archive_household& h) {
    std::vector<std::vector<archive_cell>> rows;
    for (const auto& m : h.file.members) {
        auto& row = rows.emplace_back();
        for (const auto& c : archive_columns()) row.push_back(c.read(h, m));
    }
    return rows;
}

}  // namespace fupin::common
