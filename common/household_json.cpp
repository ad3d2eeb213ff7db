#include "common/household_json.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

#include "common/api_error.hpp"
#include "common/household_validation.hpp"
#include "common/json_fields.hpp"

namespace fupin::common {
namespace {

using nlohmann::json;

// 2^53: the largest count of fen a double holds exactly, so yuan ⇄ fen is exact below it.
constexpr std::int64_t max_exact_fen = std::int64_t{1} << 53;

using namespace json_fields;

[[noreturn]] void unknown(const std::string& path) {
    throw api_error(400, "unknown_field", "户档案中没有字段 " + path, "the household file has no field " + path, path);
}

// Land and areas: whole numbers print as integers ("0", not "0.0"), as in the protocol.
json quantity_json(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return static_cast<std::int64_t>(v);
    return v;
}

}  // namespace

member member_from_json(const json& j, const std::string& path) {
    object_at(j, path);
    member m;
    for (const auto& [key, v] : j.items()) {
        const auto p = join(path, key);
        if (key == "name") m.name = string_at(v, p);
        else if (key == "id_number") m.id_number = string_at(v, p);
        else if (key == "sex") m.sex = string_at(v, p);
        else if (key == "birth_date") m.birth_date = string_at(v, p);
        else if (key == "relation") m.relation = string_at(v, p);
        else if (key == "ethnicity") m.ethnicity = string_at(v, p);
        else if (key == "political_status") m.political_status = string_at(v, p);
        else if (key == "education") m.education = string_at(v, p);
        else if (key == "schooling") m.schooling = string_at(v, p);
        else if (key == "out_of_school_reason") m.out_of_school_reason = string_at(v, p);
        else if (key == "health") m.health = string_at(v, p);
        else if (key == "disability_grade") m.disability_grade = int_at(v, p);
        else if (key == "disability_category") m.disability_category = string_at(v, p);
        else if (key == "disability_certificate") m.disability_certificate = string_at(v, p);
        else if (key == "labour_capacity") m.labour_capacity = string_at(v, p);
        else if (key == "work_status") m.work_status = string_at(v, p);
        else if (key == "work_location") m.work_location = string_at(v, p);
        else if (key == "migrant_work_months") m.migrant_work_months = int_at(v, p);
        else if (key == "migrant_work_income") m.migrant_work_income = fen_from_json(v, p);
        else if (key == "medical_insurance") m.medical_insurance = bool_at(v, p);
        else if (key == "pension_insurance") m.pension_insurance = bool_at(v, p);
        else if (key == "serious_illness_insurance") m.serious_illness_insurance = bool_at(v, p);
        else unknown(p);
    }
    return m;
}

namespace {

transfer_income transfers_from_json(const json& j, const std::string& path) {
    transfer_income t;
    for (const auto& [key, v] : object_at(j, path).items()) {
        const auto p = join(path, key);
        if (key == "family_planning") t.family_planning = fen_from_json(v, p);
        else if (key == "minimum_allowance") t.minimum_allowance = fen_from_json(v, p);
        else if (key == "extreme_support") t.extreme_support = fen_from_json(v, p);
        else if (key == "pension") t.pension = fen_from_json(v, p);
        else if (key == "ecological_compensation") t.ecological_compensation = fen_from_json(v, p);
        else if (key == "other") t.other = fen_from_json(v, p);
        else if (key == "total") fen_from_json(v, p);  // derived: checked, never trusted
        else unknown(p);
    }
    return t;
}

}  // namespace

json to_json(const member& m) {
    return json{{"name", m.name},
                {"id_number", m.id_number},
                {"sex", m.sex},
                {"birth_date", m.birth_date},
                {"relation", m.relation},
                {"ethnicity", m.ethnicity},
                {"political_status", m.political_status},
                {"education", m.education},
                {"schooling", m.schooling},
                {"out_of_school_reason", m.out_of_school_reason},
                {"health", m.health},
                {"disability_grade", m.disability_grade},
                {"disability_category", m.disability_category},
                {"disability_certificate", m.disability_certificate},
                {"labour_capacity", m.labour_capacity},
                {"work_status", m.work_status},
                {"work_location", m.work_location},
                {"migrant_work_months", m.migrant_work_months},
                {"migrant_work_income", fen_to_json(m.migrant_work_income)},
                {"medical_insurance", m.medical_insurance},
                {"pension_insurance", m.pension_insurance},
                {"serious_illness_insurance", m.serious_illness_insurance}};
}


json fen_to_json(money_fen fen) {
    if (fen % 100 == 0) return fen / 100;
    // Division of two exact doubles is correctly rounded, so this is the double nearest the decimal amount and
    // the encoder's shortest round-trip output prints it with at most two decimals.
    return static_cast<double>(fen) / 100.0;
}

money_fen fen_from_json(const json& j, const std::string& path) {
    if (j.is_number_integer() || j.is_number_unsigned()) {
        constexpr std::int64_t max_yuan = max_exact_fen / 100;
        const bool out_of_range = j.is_number_unsigned()
                                      ? j.get<std::uint64_t>() > static_cast<std::uint64_t>(max_yuan)
                                      : (j.get<std::int64_t>() > max_yuan || j.get<std::int64_t>() < -max_yuan);
        if (out_of_range) invalid_value(path, "金额超出范围", "is an amount out of range");
        return j.get<std::int64_t>() * 100;
    }
    if (!j.is_number()) wrong_type(path, "以元为单位的数值", "a number of yuan");
    const double yuan = j.get<double>();
    if (!std::isfinite(yuan) || std::fabs(yuan) * 100 >= static_cast<double>(max_exact_fen))
        invalid_value(path, "金额超出范围", "is an amount out of range");
    const auto fen = static_cast<money_fen>(std::llround(yuan * 100));
    // The parser gave the double nearest the decimal text; if that text had at most two decimals it is the
    // double nearest fen / 100, which this division reproduces exactly.
    if (static_cast<double>(fen) / 100.0 != yuan)
        invalid_value(path, "金额最多保留两位小数(到分)", "must have at most two decimals (fen)");
    return fen;
}

std::string format_utc_ms(std::int64_t ms) {
    using namespace std::chrono;
    const sys_time<milliseconds> t{milliseconds{ms}};
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss<milliseconds> tod{t - day};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                  static_cast<int>(tod.seconds().count()), static_cast<int>(tod.subseconds().count()));
    return buf;
}

json utc_ms_or_null(std::int64_t ms) { return ms ? json(format_utc_ms(ms)) : json(nullptr); }

std::int64_t utc_ms_or_zero_at(const json& j, const std::string& path) {
    return j.is_null() ? 0 : parse_utc_ms(string_at(j, path), path);
}

std::int64_t parse_utc_ms(std::string_view s, const std::string& path) {
    using namespace std::chrono;
    auto fail = [&]() -> std::int64_t {
        invalid_value(path, "应为UTC时间,如 2026-11-29T10:00:00.000Z", "must be a UTC time like 2026-11-29T10:00:00.000Z");
    };
    static constexpr std::string_view shape = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (s.size() != shape.size()) return fail();
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const bool digit = s[i] >= '0' && s[i] <= '9';
        if (shape[i] == 'd' ? !digit : s[i] != shape[i]) return fail();
    }
    auto num = [&](std::size_t pos, std::size_t len) {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
        return v;
    };
    const year_month_day ymd{year{num(0, 4)}, month{static_cast<unsigned>(num(5, 2))}, day{static_cast<unsigned>(num(8, 2))}};
    const int h = num(11, 2), mi = num(14, 2), sec = num(17, 2), ms = num(20, 3);
    if (!ymd.ok() || h > 23 || mi > 59 || sec > 59) return fail();
    const auto t = sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec} + milliseconds{ms};
    return duration_cast<milliseconds>(t.time_since_epoch()).count();
}

json to_json(const household& h) {
    json members = json::array();
    for (const auto& m : h.members) members.push_back(to_json(m));
    json others = json::array();
    for (const auto& c : h.other_causes) others.push_back(c);
    const auto& k = h.conditions;
    const money_fen total = income_total(h.income);
    return json{
        {"id", h.id},
        {"version", h.version},
        {"status", h.status},
        {"exit_year", h.exit_year ? json(*h.exit_year) : json(nullptr)},
        {"policies_until", h.policies_until ? json(*h.policies_until) : json(nullptr)},
        {"registered_year", h.registered_year ? json(*h.registered_year) : json(nullptr)},
        {"created_at", format_utc_ms(h.created_at_ms)},
        {"updated_at", format_utc_ms(h.updated_at_ms)},
        {"township_code", h.township_code},
        {"township_name", h.township_name},
        {"village_code", h.village_code},
        {"village_name", h.village_name},
        {"group_code", h.group_code},
        {"group_name", h.group_name},
        {"head_name", h.head_name},
        {"address", h.address},
        {"phone", h.phone},
        {"bank_name", h.bank_name},
        {"bank_account", h.bank_account},
        {"land",
         {{"contracted_mu", quantity_json(h.land.contracted_mu)},
          {"transferred_mu", quantity_json(h.land.transferred_mu)},
          {"abandoned_mu", quantity_json(h.land.abandoned_mu)},
          {"irrigated_mu", quantity_json(h.land.irrigated_mu)},
          {"forest_mu", quantity_json(h.land.forest_mu)},
          {"returned_to_forest_mu", quantity_json(h.land.returned_to_forest_mu)},
          {"fruit_forest_mu", quantity_json(h.land.fruit_forest_mu)},
          {"pasture_mu", quantity_json(h.land.pasture_mu)},
          {"water_surface_mu", quantity_json(h.land.water_surface_mu)}}},
        {"conditions",
         {{"housing", k.housing},
          {"housing_danger_grade", k.housing_danger_grade},
          {"housing_area_m2", quantity_json(k.housing_area_m2)},
          {"drinking_water_difficult", k.drinking_water_difficult},
          {"drinking_water_safe", k.drinking_water_safe},
          {"food_secure", k.food_secure},
          {"clothing_secure", k.clothing_secure},
          {"electricity", k.electricity},
          {"production_electricity", k.production_electricity},
          {"road_access", k.road_access},
          {"main_road_distance_km", quantity_json(k.main_road_distance_km)},
          {"fuel", k.fuel},
          {"sanitary_toilet", k.sanitary_toilet},
          {"cooperative_member", k.cooperative_member},
          {"consumption_level", k.consumption_level},
          {"assets_value", fen_to_json(k.assets_value)},
          {"assets_note", k.assets_note}}},
        {"members", members},
        {"income",
         {{"year", h.income.year},
          {"wages", fen_to_json(h.income.wages)},
          {"production_business", fen_to_json(h.income.production_business)},
          {"production_expenses", fen_to_json(h.income.production_expenses)},
          {"property", fen_to_json(h.income.property)},
          {"transfers",
           {{"family_planning", fen_to_json(h.income.transfers.family_planning)},
            {"minimum_allowance", fen_to_json(h.income.transfers.minimum_allowance)},
            {"extreme_support", fen_to_json(h.income.transfers.extreme_support)},
            {"pension", fen_to_json(h.income.transfers.pension)},
            {"ecological_compensation", fen_to_json(h.income.transfers.ecological_compensation)},
            {"other", fen_to_json(h.income.transfers.other)},
            {"total", fen_to_json(transfers_total(h.income.transfers))}}},
          {"support", fen_to_json(h.income.support)},
          {"total", fen_to_json(total)}}},
        {"per_capita_net_income", fen_to_json(h.per_capita_net_income)},
        {"causes", {{"main", h.main_cause}, {"others", others}}},
        {"identification_standard", h.identification_standard},
        {"poverty_type", h.poverty_type},
        {"military_family", h.military_family},
        {"only_child_family", h.only_child_family},
        {"two_daughters_family", h.two_daughters_family},
        {"national_number", h.national_number},
        {"identification",
         {{"elderly_with_disabled_children", h.identification.elderly_with_disabled_children},
          {"elderly_parents_of_only_child", h.identification.elderly_parents_of_only_child},
          {"elderly_in_daughters_only_family", h.identification.elderly_in_daughters_only_family},
          {"land_abandoned_refusing_transfer", h.identification.land_abandoned_refusing_transfer},
          {"family_planning_violation", h.identification.family_planning_violation},
          {"gambling_drugs_or_crime", h.identification.gambling_drugs_or_crime}}},
    };
}

household household_from_json(const json& j, json_source source) {
    if (!j.is_object())
        throw api_error(400, "invalid_json", "请求体应为一个JSON对象(户档案)", "the body must be a JSON object (a household)");
    const bool response = source == json_source::response;
    household h;
    for (const auto& [key, v] : j.items()) {
        const std::string& p = key;
        if (key == "version") h.version = int64_at(v, p);
        else if (key == "township_code") h.township_code = string_at(v, p);
        else if (key == "village_code") h.village_code = string_at(v, p);
        else if (key == "group_code") h.group_code = string_at(v, p);
        else if (key == "address") h.address = string_at(v, p);
        else if (key == "phone") h.phone = string_at(v, p);
        else if (key == "bank_name") h.bank_name = string_at(v, p);
        else if (key == "bank_account") h.bank_account = string_at(v, p);
        else if (key == "identification_standard") h.identification_standard = string_at(v, p);
        else if (key == "poverty_type") h.poverty_type = string_at(v, p);
        else if (key == "military_family") h.military_family = bool_at(v, p);
        else if (key == "only_child_family") h.only_child_family = bool_at(v, p);
        else if (key == "two_daughters_family") h.two_daughters_family = bool_at(v, p);
        else if (key == "national_number") h.national_number = string_at(v, p);
        else if (key == "land") {
            for (const auto& [k, lv] : object_at(v, p).items()) {
                const auto lp = join(p, k);
                if (k == "contracted_mu") h.land.contracted_mu = double_at(lv, lp);
                else if (k == "transferred_mu") h.land.transferred_mu = double_at(lv, lp);
                else if (k == "abandoned_mu") h.land.abandoned_mu = double_at(lv, lp);
                else if (k == "irrigated_mu") h.land.irrigated_mu = double_at(lv, lp);
                else if (k == "forest_mu") h.land.forest_mu = double_at(lv, lp);
                else if (k == "returned_to_forest_mu") h.land.returned_to_forest_mu = double_at(lv, lp);
                else if (k == "fruit_forest_mu") h.land.fruit_forest_mu = double_at(lv, lp);
                else if (k == "pasture_mu") h.land.pasture_mu = double_at(lv, lp);
                else if (k == "water_surface_mu") h.land.water_surface_mu = double_at(lv, lp);
                else unknown(lp);
            }
        } else if (key == "conditions") {
            auto& c = h.conditions;
            for (const auto& [k, cv] : object_at(v, p).items()) {
                const auto cp = join(p, k);
                if (k == "housing") c.housing = string_at(cv, cp);
                else if (k == "housing_danger_grade") c.housing_danger_grade = string_at(cv, cp);
                else if (k == "housing_area_m2") c.housing_area_m2 = double_at(cv, cp);
                else if (k == "drinking_water_difficult") c.drinking_water_difficult = bool_at(cv, cp);
                else if (k == "drinking_water_safe") c.drinking_water_safe = bool_at(cv, cp);
                else if (k == "food_secure") c.food_secure = bool_at(cv, cp);
                else if (k == "clothing_secure") c.clothing_secure = bool_at(cv, cp);
                else if (k == "electricity") c.electricity = string_at(cv, cp);
                else if (k == "production_electricity") c.production_electricity = bool_at(cv, cp);
                else if (k == "road_access") c.road_access = string_at(cv, cp);
                else if (k == "main_road_distance_km") c.main_road_distance_km = double_at(cv, cp);
                else if (k == "fuel") c.fuel = string_at(cv, cp);
                else if (k == "sanitary_toilet") c.sanitary_toilet = bool_at(cv, cp);
                else if (k == "cooperative_member") c.cooperative_member = bool_at(cv, cp);
                else if (k == "consumption_level") c.consumption_level = string_at(cv, cp);
                else if (k == "assets_value") c.assets_value = fen_from_json(cv, cp);
                else if (k == "assets_note") c.assets_note = string_at(cv, cp);
                else unknown(cp);
            }
        } else if (key == "members") {
            if (!v.is_array()) wrong_type(p, "数组", "an array");
            for (std::size_t i = 0; i < v.size(); ++i) h.members.push_back(member_from_json(v[i], index(p, i)));
        } else if (key == "income") {
            for (const auto& [k, iv] : object_at(v, p).items()) {
                const auto ip = join(p, k);
                if (k == "year") h.income.year = int_at(iv, ip);
                else if (k == "wages") h.income.wages = fen_from_json(iv, ip);
                else if (k == "production_business") h.income.production_business = fen_from_json(iv, ip);
                else if (k == "production_expenses") h.income.production_expenses = fen_from_json(iv, ip);
                else if (k == "property") h.income.property = fen_from_json(iv, ip);
                else if (k == "transfers") h.income.transfers = transfers_from_json(iv, ip);
                else if (k == "support") h.income.support = fen_from_json(iv, ip);
                else if (k == "total") fen_from_json(iv, ip);  // derived: checked, never trusted
                else unknown(ip);
            }
        } else if (key == "identification") {
            auto& f = h.identification;
            for (const auto& [k, fv] : object_at(v, p).items()) {
                const auto fp = join(p, k);
                if (k == "elderly_with_disabled_children") f.elderly_with_disabled_children = bool_at(fv, fp);
                else if (k == "elderly_parents_of_only_child") f.elderly_parents_of_only_child = bool_at(fv, fp);
                else if (k == "elderly_in_daughters_only_family") f.elderly_in_daughters_only_family = bool_at(fv, fp);
                else if (k == "land_abandoned_refusing_transfer") f.land_abandoned_refusing_transfer = bool_at(fv, fp);
                else if (k == "family_planning_violation") f.family_planning_violation = bool_at(fv, fp);
                else if (k == "gambling_drugs_or_crime") f.gambling_drugs_or_crime = bool_at(fv, fp);
                else unknown(fp);
            }
        } else if (key == "causes") {
            for (const auto& [k, cv] : object_at(v, p).items()) {
                const auto cp = join(p, k);
                if (k == "main") h.main_cause = string_at(cv, cp);
                else if (k == "others") h.other_causes = string_array_at(cv, cp);
                else unknown(cp);
            }
        }
        // Output-only: a request may echo them back (e.g. a PUT of what a GET returned). They are read and
        // type-checked either way, so nothing unchecked rides along in a request; only a response's are kept.
        else if (key == "id") { const auto id = int64_at(v, p); if (response) h.id = id; }
        else if (key == "status") { auto s = string_at(v, p); if (response) h.status = std::move(s); }
        else if (key == "exit_year" || key == "policies_until" || key == "registered_year") {
            std::optional<int> year;
            if (!v.is_null()) year = int_at(v, p);
            if (response)
                (key == "exit_year" ? h.exit_year : key == "policies_until" ? h.policies_until : h.registered_year) =
                    year;
        }
        else if (key == "created_at") { const auto t = parse_utc_ms(string_at(v, p), p); if (response) h.created_at_ms = t; }
        else if (key == "updated_at") { const auto t = parse_utc_ms(string_at(v, p), p); if (response) h.updated_at_ms = t; }
        else if (key == "township_name") { auto s = string_at(v, p); if (response) h.township_name = std::move(s); }
        else if (key == "village_name") { auto s = string_at(v, p); if (response) h.village_name = std::move(s); }
        else if (key == "group_name") { auto s = string_at(v, p); if (response) h.group_name = std::move(s); }
        else if (key == "head_name") { auto s = string_at(v, p); if (response) h.head_name = std::move(s); }
        else if (key == "per_capita_net_income") { const auto f = fen_from_json(v, p); if (response) h.per_capita_net_income = f; }
        else unknown(p);
    }
    return h;
}

json to_json(const household_page& page) {
    json items = json::array();
    for (const auto& h : page.items) items.push_back(to_json(h));
    return json{{"items", std::move(items)}, {"next_page_token", page.next_page_token}};
}

household_page household_page_from_json(const json& j) {
    if (!j.is_object())
        throw api_error(400, "invalid_json", "应答应为一个JSON对象(户档案列表)", "the response must be a JSON object (a household page)");
    household_page page;
    for (const auto& [key, v] : j.items()) {
        if (key == "items") {
            if (!v.is_array()) wrong_type(key, "数组", "an array");
            for (std::size_t i = 0; i < v.size(); ++i) {
                const auto p = index(key, i);
                object_at(v[i], p);
                try {
                    page.items.push_back(household_from_json(v[i], json_source::response));
                } catch (const api_error& e) {
                    // Re-anchor the path so it points into the page, e.g. items[3].members[0].name.
                    throw api_error(e.status(), e.code(), e.message(language::zh), e.message(language::en),
                                    e.field().empty() ? p : p + "." + e.field());
                }
            }
        } else if (key == "next_page_token") {
            page.next_page_token = string_at(v, key);
        } else {
            unknown(key);
        }
    }
    return page;
}

}  // namespace fupin::common
