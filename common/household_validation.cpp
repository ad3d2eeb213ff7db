#include "common/household_validation.hpp"

#include <cctype>
#include <cmath>
#include <set>
#include <string>

#include "common/id_number.hpp"
#include "common/utf8.hpp"
#include "common/vocabulary.hpp"

namespace fupin::common {
namespace {

// A field as the request names it and as a clerk reads it.
struct field {
    std::string path;  // JSON path, e.g. "members[2].id_number"
    std::string zh;    // e.g. "第3位家庭成员的身份证号"
    std::string en;    // e.g. "members[2].id_number"
};

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string yuan_text(money_fen fen) { return std::to_string(fen / 100) + (fen % 100 ? "." + std::to_string(fen % 100 / 10) + std::to_string(fen % 10) : ""); }

class checker {
public:
    explicit checker(std::chrono::year_month_day today) : today_(today) {}

    std::vector<api_error> problems;

    void fail(const field& f, const char* code, const std::string& zh, const std::string& en) {
        problems.push_back(api_error::invalid_field(f.path, code, f.zh + zh, f.en + ": " + en));
    }

    void missing(const field& f) { fail(f, "missing_field", "不能为空", "is required"); }

    // Single-line text: well-formed UTF-8, no control characters, at most `max_chars` characters.
    void text(const field& f, const std::string& value, bool required, std::size_t max_chars) {
        if (blank(value)) {
            if (required) missing(f);
            else if (!value.empty()) fail(f, "invalid_value", "不能只含空白", "must not be only blanks");
            return;
        }
        const auto length = utf8_length(value);
        if (!length) return fail(f, "invalid_value", "不是有效的UTF-8文本", "is not valid UTF-8 text");
        if (has_control_characters(value))
            return fail(f, "invalid_value", "不能含控制字符或换行", "must not contain control characters or line breaks");
        if (*length > max_chars)
            fail(f, "too_long", "最多" + std::to_string(max_chars) + "个字,现有" + std::to_string(*length) + "个",
                 "must be at most " + std::to_string(max_chars) + " characters, has " + std::to_string(*length));
    }

    void code(const field& f, const vocabulary_list& list, const std::string& value, bool required) {
        if (value.empty()) {
            if (required) missing(f);
            return;
        }
        if (!is_valid(list, value))
            fail(f, "invalid_value", "取值「" + value + "」无效,可选:" + allowed_codes(list),
                 "'" + value + "' is not one of " + allowed_codes(list));
    }

    void division_code(const field& f, const std::string& value, std::size_t digits, const std::string& parent,
                       const field& parent_field) {
        if (value.empty()) return missing(f);
        if (value.size() != digits || !all_digits(value))
            return fail(f, "invalid_value", "应为" + std::to_string(digits) + "位数字",
                        "must be " + std::to_string(digits) + " digits");
        if (parent.size() + 3 == digits && all_digits(parent) && value.compare(0, parent.size(), parent) != 0)
            fail(f, "invalid_value", "应以" + parent_field.zh + "「" + parent + "」开头",
                 "must start with " + parent_field.path + " '" + parent + "'");
    }

    void money(const field& f, money_fen value) {
        if (value < 0) return fail(f, "invalid_value", "不能为负数", "must not be negative");
        if (value > max_money_fen)
            fail(f, "invalid_value", "为" + yuan_text(value) + "元,超过上限" + yuan_text(max_money_fen) + "元",
                 "is " + yuan_text(value) + " yuan, above the ceiling of " + yuan_text(max_money_fen) + " yuan");
    }

    void quantity(const field& f, double value, double ceiling, const char* unit_zh, const char* unit_en) {
        if (!std::isfinite(value)) return fail(f, "invalid_value", "不是有效数值", "is not a finite number");
        if (value < 0) return fail(f, "invalid_value", "不能为负数", "must not be negative");
        if (value >= ceiling) {
            const auto c = std::to_string(static_cast<long long>(ceiling));
            fail(f, "invalid_value", std::string("应小于") + c + unit_zh, "must be below " + c + " " + unit_en);
        }
    }

    void member_fields(const member& m, std::size_t i) {
        const std::string p = "members[" + std::to_string(i) + "].";
        const std::string who = "第" + std::to_string(i + 1) + "位家庭成员的";
        auto f = [&](const char* key, const char* zh) { return field{p + key, who + zh, p + key}; };

        text(f("name", "姓名"), m.name, true, max_name_chars);

        const field id_field = f("id_number", "身份证号");
        if (m.id_number.empty()) {
            missing(id_field);
        } else {
            const auto check = check_id_number(m.id_number, today_);
            if (!check.ok()) {
                fail(id_field, "invalid_id_number", std::string("有误:") + id_number_problem_message(check.problem, false),
                     std::string("is invalid: ") + id_number_problem_message(check.problem, true));
            } else {
                if (!m.sex.empty() && m.sex != check.facts.sex)
                    fail(f("sex", "性别"), "id_number_mismatch",
                         "「" + label(vocabulary::sexes, m.sex, language::zh) + "」与身份证号(" +
                             label(vocabulary::sexes, check.facts.sex, language::zh) + ")不符",
                         "'" + m.sex + "' disagrees with the ID number (" + check.facts.sex + ")");
                if (!m.birth_date.empty() && m.birth_date != check.facts.birth_date)
                    fail(f("birth_date", "出生日期"), "id_number_mismatch",
                         "「" + m.birth_date + "」与身份证号中的出生日期(" + check.facts.birth_date + ")不符",
                         "'" + m.birth_date + "' disagrees with the ID number (" + check.facts.birth_date + ")");
            }
        }

        code(f("relation", "与户主关系"), vocabulary::relations, m.relation, true);
        code(f("ethnicity", "民族"), vocabulary::ethnicities, m.ethnicity, true);
        code(f("political_status", "政治面貌"), vocabulary::political_statuses, m.political_status, true);
        code(f("education", "文化程度"), vocabulary::education_levels, m.education, true);
        code(f("schooling", "在校生状况"), vocabulary::schooling, m.schooling, true);
        const field reason = f("out_of_school_reason", "未在校原因");
        if (m.schooling == "not_in_school")
            code(reason, vocabulary::out_of_school_reasons, m.out_of_school_reason, false);
        else if (!m.out_of_school_reason.empty())
            fail(reason, "invalid_value", "只有非在校生才填未在校原因", "only a member not in school has a reason for it");
        code(f("health", "健康状况"), vocabulary::health_conditions, m.health, true);

        const bool disabled = m.health == "disabled";
        const field grade = f("disability_grade", "残疾等级");
        if (disabled && (m.disability_grade < 1 || m.disability_grade > 4))
            fail(grade, "invalid_value", "应为1至4级(健康状况为残疾)", "must be 1 to 4 when health is disabled");
        else if (!disabled && m.disability_grade != 0)
            fail(grade, "invalid_value", "应为0(健康状况不是残疾)", "must be 0 unless health is disabled");
        const field category = f("disability_category", "残疾类别");
        if (disabled) code(category, vocabulary::disability_categories, m.disability_category, true);
        else if (!m.disability_category.empty())
            fail(category, "invalid_value", "应为空(健康状况不是残疾)", "must be empty unless health is disabled");
        disability_certificate(f("disability_certificate", "残疾证号"), m);

        code(f("labour_capacity", "劳动技能"), vocabulary::labour_capacities, m.labour_capacity, true);
        code(f("work_status", "务工状况"), vocabulary::work_statuses, m.work_status, true);
        const bool working = m.work_status == "working";
        const field location = f("work_location", "务工地点");
        if (working) code(location, vocabulary::work_locations, m.work_location, true);
        else if (!m.work_location.empty())
            fail(location, "invalid_value", "应为空(未务工)", "must be empty unless working");
        if (m.migrant_work_months < 0 || m.migrant_work_months > 12)
            fail(f("migrant_work_months", "外出务工月数"), "invalid_value", "应为0至12",
                 "must be between 0 and 12");
        else if (m.migrant_work_months > 0 && m.work_status == "not_working")
            fail(f("migrant_work_months", "外出务工月数"), "invalid_value", "应为0(务工状况为未务工)",
                 "must be 0 when not working");
        money(f("migrant_work_income", "务工收入"), m.migrant_work_income);
    }

    // 残疾证号, as the second-generation disability certificate (第二代残疾人证) is numbered: the holder's ID
    // number, then the category's digit (1 视力 … 7 多重, the order of vocabulary::disability_categories) and the
    // grade's. Optional: a certificate may not have been issued yet.
    void disability_certificate(const field& f, const member& m) {
        const std::string& c = m.disability_certificate;
        if (c.empty()) return;
        if (m.health != "disabled")
            return fail(f, "invalid_value", "应为空(健康状况不是残疾)", "must be empty unless health is disabled");
        std::string id = m.id_number;
        if (id.size() == 18 && id[17] == 'x') id[17] = 'X';
        std::string holder = c.substr(0, 18);
        if (holder.size() == 18 && holder[17] == 'x') holder[17] = 'X';
        if (c.size() != 20 || !all_digits(c.substr(18)))
            return fail(f, "invalid_value", "应为20位:身份证号加残疾类别和等级各1位数字",
                        "must be 20 characters: the ID number, then the category's and the grade's digits");
        if (holder != id)
            return fail(f, "invalid_value", "前18位应与本人身份证号相同", "must begin with the member's ID number");
        const auto& categories = vocabulary::disability_categories.entries;
        std::size_t digit = 0;
        for (std::size_t k = 0; k < categories.size(); ++k)
            if (categories[k].code == m.disability_category) digit = k + 1;
        if (digit != 0 && c[18] - '0' != static_cast<int>(digit))
            fail(f, "invalid_value", "第19位应为残疾类别的代码" + std::to_string(digit),
                 "digit 19 must be the category's code " + std::to_string(digit));
        else if (m.disability_grade >= 1 && m.disability_grade <= 4 && c[19] - '0' != m.disability_grade)
            fail(f, "invalid_value", "第20位应为残疾等级" + std::to_string(m.disability_grade),
                 "digit 20 must be the grade " + std::to_string(m.disability_grade));
    }

    void members(const household& h) {
        const field all{"members", "家庭成员", "members"};
        if (h.members.empty()) return missing(all);
        if (h.members.size() > max_members)
            fail(all, "too_many", "最多" + std::to_string(max_members) + "人,现有" + std::to_string(h.members.size()) + "人",
                 "must be at most " + std::to_string(max_members) + ", has " + std::to_string(h.members.size()));

        std::size_t heads = 0;
        std::set<std::string> ids;
        for (std::size_t i = 0; i < h.members.size(); ++i) {
            const member& m = h.members[i];
            member_fields(m, i);
            if (m.relation == "head" && ++heads == 2)
                fail({"members[" + std::to_string(i) + "].relation", "第" + std::to_string(i + 1) + "位家庭成员的与户主关系",
                      "members[" + std::to_string(i) + "].relation"},
                     "invalid_value", "不能再是户主:一户只能有一名户主", "cannot be head: a household has exactly one head");
            // Compare normalised numbers so that ...x and ...X count as the same person.
            std::string id = m.id_number;
            if (id.size() == 18 && id[17] == 'x') id[17] = 'X';
            if (!id.empty() && !ids.insert(id).second)
                fail({"members[" + std::to_string(i) + "].id_number", "第" + std::to_string(i + 1) + "位家庭成员的身份证号",
                      "members[" + std::to_string(i) + "].id_number"},
                     "invalid_value", "与本户另一成员重复", "repeats the ID number of another member of this household");
        }
        if (heads == 0)
            fail(all, "invalid_value", "中须有一名户主(与户主关系为head)", "must include exactly one head (relation \"head\")");
    }

    void causes(const household& h) {
        code({"causes.main", "主要致贫原因", "causes.main"}, vocabulary::poverty_causes, h.main_cause, true);
        if (h.other_causes.size() > max_other_causes)
            fail({"causes.others", "其他致贫原因", "causes.others"}, "too_many",
                 "最多" + std::to_string(max_other_causes) + "项", "must be at most " + std::to_string(max_other_causes));
        std::set<std::string> seen;
        for (std::size_t i = 0; i < h.other_causes.size(); ++i) {
            const std::string& c = h.other_causes[i];
            const field f{"causes.others[" + std::to_string(i) + "]", "第" + std::to_string(i + 1) + "项其他致贫原因",
                          "causes.others[" + std::to_string(i) + "]"};
            if (c.empty()) { missing(f); continue; }
            if (!is_valid(vocabulary::poverty_causes, c)) { code(f, vocabulary::poverty_causes, c, true); continue; }
            if (c == h.main_cause)
                fail(f, "invalid_value", "「" + label(vocabulary::poverty_causes, c, language::zh) + "」已是主要致贫原因",
                     "'" + c + "' is already the main cause");
            else if (!seen.insert(c).second)
                fail(f, "invalid_value", "「" + label(vocabulary::poverty_causes, c, language::zh) + "」重复",
                     "'" + c + "' is listed twice");
        }
    }

    void income(const household& h) {
        const field year{"income.year", "收入年度", "income.year"};
        const int this_year = static_cast<int>(today_.year());
        if (h.income.year == 0) missing(year);
        else if (h.income.year < min_income_year || h.income.year > this_year + 1)
            fail(year, "invalid_value",
                 "应在" + std::to_string(min_income_year) + "至" + std::to_string(this_year + 1) + "年之间",
                 "must be between " + std::to_string(min_income_year) + " and " + std::to_string(this_year + 1));
        const auto& in = h.income;
        money({"income.wages", "工资性收入", "income.wages"}, in.wages);
        money({"income.production_business", "生产经营性收入", "income.production_business"}, in.production_business);
        money({"income.production_expenses", "生产经营性支出", "income.production_expenses"}, in.production_expenses);
        money({"income.property", "财产性收入", "income.property"}, in.property);
        const auto& t = in.transfers;
        money({"income.transfers.family_planning", "计划生育金", "income.transfers.family_planning"}, t.family_planning);
        money({"income.transfers.minimum_allowance", "低保金", "income.transfers.minimum_allowance"}, t.minimum_allowance);
        money({"income.transfers.extreme_support", "特困供养金", "income.transfers.extreme_support"}, t.extreme_support);
        money({"income.transfers.pension", "养老金", "income.transfers.pension"}, t.pension);
        money({"income.transfers.ecological_compensation", "生态补偿金", "income.transfers.ecological_compensation"},
              t.ecological_compensation);
        money({"income.transfers.other", "其他转移性收入", "income.transfers.other"}, t.other);
        money({"income.support", "赡养性收入", "income.support"}, in.support);
    }

private:
    std::chrono::year_month_day today_;
};

}  // namespace

bool well_formed_phone(std::string_view phone) {
    return !phone.empty() && phone.find_first_not_of("0123456789+-") == std::string_view::npos &&
           std::isdigit(static_cast<unsigned char>(phone.back()));
}

money_fen transfers_total(const transfer_income& t) {
    return t.family_planning + t.minimum_allowance + t.extreme_support + t.pension + t.ecological_compensation + t.other;
}

money_fen income_total(const income& in) {
    return in.wages + in.production_business - in.production_expenses + in.property + transfers_total(in.transfers) +
           in.support;
}

void derive(household& h) {
    const auto far_future = std::chrono::year_month_day{std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}};
    h.head_name.clear();
    for (member& m : h.members) {
        if (m.id_number.size() == 18 && m.id_number[17] == 'x') m.id_number[17] = 'X';
        // The birth date is only read here, not judged: validate() judges it against the real today.
        const auto check = check_id_number(m.id_number, far_future);
        if (check.ok()) {
            if (m.sex.empty()) m.sex = check.facts.sex;
            if (m.birth_date.empty()) m.birth_date = check.facts.birth_date;
        }
        if (m.relation == "head" && h.head_name.empty()) h.head_name = m.name;
    }
    const money_fen total = income_total(h.income);
    const auto size = static_cast<money_fen>(h.members.size());
    if (size == 0) {
        h.per_capita_net_income = 0;
    } else {
        money_fen q = total / size;
        if (total % size != 0 && total < 0) --q;  // round down, also below zero
        h.per_capita_net_income = q;
    }
}

std::vector<api_error> find_problems(const household& h, std::chrono::year_month_day today) {
    checker c(today);
    if (!h.status.empty()) c.code({"status", "状态", "status"}, vocabulary::household_statuses, h.status, false);

    const field township{"township_code", "乡镇代码", "township_code"};
    const field village{"village_code", "村代码", "village_code"};
    const field group{"group_code", "村小组代码", "group_code"};
    c.division_code(township, h.township_code, 9, "", township);
    c.division_code(village, h.village_code, 12, h.township_code, township);
    c.division_code(group, h.group_code, 15, h.village_code, village);

    c.text({"address", "家庭住址", "address"}, h.address, true, max_address_chars);
    if (!h.phone.empty()) {
        const field phone{"phone", "联系电话", "phone"};
        if (h.phone.size() > max_phone_chars)
            c.fail(phone, "too_long", "最多" + std::to_string(max_phone_chars) + "个字符",
                   "must be at most " + std::to_string(max_phone_chars) + " characters");
        else if (!well_formed_phone(h.phone))
            c.fail(phone, "invalid_value", "只能含数字、+ 和 -", "may contain only digits, + and -");
    }
    c.text({"bank_name", "开户银行", "bank_name"}, h.bank_name, false, max_bank_name_chars);
    if (!h.bank_account.empty()) {
        const field account{"bank_account", "银行账号", "bank_account"};
        if (!all_digits(h.bank_account))
            c.fail(account, "invalid_value", "只能含数字", "may contain only digits");
        else if (h.bank_account.size() > max_bank_account_digits)
            c.fail(account, "too_long", "最多" + std::to_string(max_bank_account_digits) + "位",
                   "must be at most " + std::to_string(max_bank_account_digits) + " digits");
    }

    c.code({"identification_standard", "识别标准", "identification_standard"}, vocabulary::identification_standards,
           h.identification_standard, true);
    c.code({"poverty_type", "贫困户属性", "poverty_type"}, vocabulary::poverty_types, h.poverty_type, true);
    if (!h.national_number.empty()) {
        const field number{"national_number", "全国户编号", "national_number"};
        if (!all_digits(h.national_number))
            c.fail(number, "invalid_value", "只能含数字", "may contain only digits");
        else if (h.national_number.size() > max_national_number_digits)
            c.fail(number, "too_long", "最多" + std::to_string(max_national_number_digits) + "位",
                   "must be at most " + std::to_string(max_national_number_digits) + " digits");
    }

    const auto land_quantity = [&](const char* key, const char* zh, double value) {
        const std::string path = std::string("land.") + key;
        c.quantity({path, zh, path}, value, max_land_mu, "亩", "mu");
    };
    land_quantity("contracted_mu", "耕地(承包地)面积", h.land.contracted_mu);
    land_quantity("transferred_mu", "流转地面积", h.land.transferred_mu);
    land_quantity("abandoned_mu", "撂荒地面积", h.land.abandoned_mu);
    land_quantity("irrigated_mu", "有效灌溉面积", h.land.irrigated_mu);
    land_quantity("forest_mu", "林地面积", h.land.forest_mu);
    land_quantity("returned_to_forest_mu", "退耕还林面积", h.land.returned_to_forest_mu);
    land_quantity("fruit_forest_mu", "林果面积", h.land.fruit_forest_mu);
    land_quantity("pasture_mu", "牧草地面积", h.land.pasture_mu);
    land_quantity("water_surface_mu", "水面面积", h.land.water_surface_mu);
    // Irrigated land is cultivated land that can be watered: part of what the household farms.
    if (h.land.irrigated_mu > h.land.contracted_mu + h.land.transferred_mu)
        c.fail({"land.irrigated_mu", "有效灌溉面积", "land.irrigated_mu"}, "invalid_value",
               "不能大于耕地与流转地面积之和", "must not exceed the contracted and transferred land together");

    const auto& k = h.conditions;
    c.code({"conditions.housing", "住房状况", "conditions.housing"}, vocabulary::housing_conditions, k.housing, false);
    // The grade is assessed for a dilapidated house only; a 危房 not assessed yet has none.
    if (!k.housing_danger_grade.empty()) {
        const field grade{"conditions.housing_danger_grade", "危房等级", "conditions.housing_danger_grade"};
        if (k.housing != "dilapidated")
            c.fail(grade, "invalid_value", "只有危房才有危房等级", "applies to dilapidated housing only");
        else
            c.code(grade, vocabulary::housing_danger_grades, k.housing_danger_grade, false);
    }
    c.quantity({"conditions.housing_area_m2", "住房面积", "conditions.housing_area_m2"}, k.housing_area_m2,
               max_housing_area_m2, "平方米", "m2");
    c.code({"conditions.electricity", "生活用电", "conditions.electricity"}, vocabulary::electricity, k.electricity, false);
    c.code({"conditions.road_access", "入户路类型", "conditions.road_access"}, vocabulary::road_access, k.road_access, false);
    c.quantity({"conditions.main_road_distance_km", "与村主干路距离", "conditions.main_road_distance_km"},
               k.main_road_distance_km, max_main_road_distance_km, "公里", "km");
    c.code({"conditions.fuel", "主要燃料类型", "conditions.fuel"}, vocabulary::fuel_types, k.fuel, false);
    c.code({"conditions.consumption_level", "消费水平", "conditions.consumption_level"}, vocabulary::consumption_levels,
           k.consumption_level, false);
    c.money({"conditions.assets_value", "资产估值", "conditions.assets_value"}, k.assets_value);
    c.text({"conditions.assets_note", "资产说明", "conditions.assets_note"}, k.assets_note, false, max_assets_note_chars);

    c.members(h);
    c.income(h);
    c.causes(h);
    return std::move(c.problems);
}

void validate(const household& h, std::chrono::year_month_day today) {
    auto problems = find_problems(h, today);
    if (!problems.empty()) throw problems.front();
}

}  // namespace fupin::common
