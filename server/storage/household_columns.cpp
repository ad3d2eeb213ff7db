#include "server/storage/household_columns.hpp"

#include <functional>
#include <type_traits>

#include "common/statistics.hpp"

namespace fupin::server::storage {
namespace {

// One column: its name, how a record's field becomes its value, and how its value goes back into the field.
template <class Record>
struct column {
    std::string_view name;
    std::function<sql::value(const Record&)> write;
    std::function<void(const sql::row&, std::size_t, Record&)> read;
};

// The kinds of field. `field` is a generic lambda that names the field: [](auto& r) -> auto& { return r.phone; }.
template <class Record, class Field>
column<Record> text(std::string_view name, Field field) {
    return {name, [field](const Record& r) -> sql::value { return field(r); },
            [field](const sql::row& row, std::size_t i, Record& r) { field(r) = row.get_string(i); }};
}
template <class Record, class Field>
column<Record> integer(std::string_view name, Field field) {  // int and money in fen
    return {name, [field](const Record& r) -> sql::value { return static_cast<std::int64_t>(field(r)); },
            [field](const sql::row& row, std::size_t i, Record& r) {
                field(r) = static_cast<std::remove_reference_t<decltype(field(r))>>(row.get_int64(i));
            }};
}
template <class Record, class Field>
column<Record> flag(std::string_view name, Field field) {  // bool as 0 or 1
    return {name, [field](const Record& r) -> sql::value { return std::int64_t{field(r) ? 1 : 0}; },
            [field](const sql::row& row, std::size_t i, Record& r) { field(r) = row.get_int64(i) != 0; }};
}
template <class Record, class Field>
column<Record> real(std::string_view name, Field field) {  // land and areas
    return {name, [field](const Record& r) -> sql::value { return field(r); },
            [field](const sql::row& row, std::size_t i, Record& r) { field(r) = row.get_double(i); }};
}

using household = common::household;
using member = common::member;

// The n-th other cause, NULL when there is none.
column<household> other_cause(std::string_view name, std::size_t n) {
    return {name,
            [n](const household& h) -> sql::value {
                if (n < h.other_causes.size()) return h.other_causes[n];
                return sql::null;
            },
            [](const sql::row& row, std::size_t i, household& h) {
                if (!row.is_null(i)) h.other_causes.push_back(row.get_string(i));
            }};
}

// identification_facts in one integer column, a bit each (schema 005). The bit of a fact never changes.
constexpr std::int64_t flag_elderly_with_disabled_children = 1 << 0;
constexpr std::int64_t flag_elderly_parents_of_only_child = 1 << 1;
constexpr std::int64_t flag_elderly_in_daughters_only_family = 1 << 2;
constexpr std::int64_t flag_land_abandoned_refusing_transfer = 1 << 3;
constexpr std::int64_t flag_family_planning_violation = 1 << 4;
constexpr std::int64_t flag_gambling_drugs_or_crime = 1 << 5;

column<household> identification_flags() {
    return {"identification_flags",
            [](const household& h) -> sql::value {
                const auto& f = h.identification;
                return (f.elderly_with_disabled_children ? flag_elderly_with_disabled_children : 0) |
                       (f.elderly_parents_of_only_child ? flag_elderly_parents_of_only_child : 0) |
                       (f.elderly_in_daughters_only_family ? flag_elderly_in_daughters_only_family : 0) |
                       (f.land_abandoned_refusing_transfer ? flag_land_abandoned_refusing_transfer : 0) |
                       (f.family_planning_violation ? flag_family_planning_violation : 0) |
                       (f.gambling_drugs_or_crime ? flag_gambling_drugs_or_crime : 0);
            },
            [](const sql::row& row, std::size_t i, household& h) {
                const auto flags = row.get_int64(i);
                auto& f = h.identification;
                f.elderly_with_disabled_children = (flags & flag_elderly_with_disabled_children) != 0;
                f.elderly_parents_of_only_child = (flags & flag_elderly_parents_of_only_child) != 0;
                f.elderly_in_daughters_only_family = (flags & flag_elderly_in_daughters_only_family) != 0;
                f.land_abandoned_refusing_transfer = (flags & flag_land_abandoned_refusing_transfer) != 0;
                f.family_planning_violation = (flags & flag_family_planning_violation) != 0;
                f.gambling_drugs_or_crime = (flags & flag_gambling_drugs_or_crime) != 0;
            }};
}

// How many members the file has, for the statistics' count of people (migration 021); never read back: the
// members are read themselves.
column<household> member_count() {
    return {"member_count",
            [](const household& h) -> sql::value { return static_cast<std::int64_t>(h.members.size()); },
            [](const sql::row&, std::size_t, household&) {}};
}

// The band of its per-capita net income (common::income_band_of, the one table of bands), which the statistics'
// tallies count by (migration 027); never read back: the income is.
column<household> income_band() {
    return {"income_band",
            [](const household& h) -> sql::value { return common::income_band_of(h.per_capita_net_income); },
            [](const sql::row&, std::size_t, household&) {}};
}

#define FIELD(path) [](auto& r) -> auto& { return r.path; }

const std::vector<column<household>>& household_table() {
    static const std::vector<column<household>> columns{
        text<household>("township_code", FIELD(township_code)),
        text<household>("village_code", FIELD(village_code)),
        text<household>("group_code", FIELD(group_code)),
        text<household>("head_name", FIELD(head_name)),
        text<household>("address", FIELD(address)),
        text<household>("phone", FIELD(phone)),
        text<household>("bank_name", FIELD(bank_name)),
        text<household>("bank_account", FIELD(bank_account)),
        real<household>("land_contracted_mu", FIELD(land.contracted_mu)),
        real<household>("land_transferred_mu", FIELD(land.transferred_mu)),
        real<household>("land_abandoned_mu", FIELD(land.abandoned_mu)),
        real<household>("land_irrigated_mu", FIELD(land.irrigated_mu)),
        real<household>("land_forest_mu", FIELD(land.forest_mu)),
        real<household>("land_returned_to_forest_mu", FIELD(land.returned_to_forest_mu)),
        real<household>("land_fruit_forest_mu", FIELD(land.fruit_forest_mu)),
        real<household>("land_pasture_mu", FIELD(land.pasture_mu)),
        real<household>("land_water_surface_mu", FIELD(land.water_surface_mu)),
        text<household>("housing", FIELD(conditions.housing)),
        text<household>("housing_danger_grade", FIELD(conditions.housing_danger_grade)),
        real<household>("housing_area_m2", FIELD(conditions.housing_area_m2)),
        flag<household>("drinking_water_difficult", FIELD(conditions.drinking_water_difficult)),
        flag<household>("drinking_water_safe", FIELD(conditions.drinking_water_safe)),
        flag<household>("food_secure", FIELD(conditions.food_secure)),
        flag<household>("clothing_secure", FIELD(conditions.clothing_secure)),
        text<household>("electricity", FIELD(conditions.electricity)),
        flag<household>("production_electricity", FIELD(conditions.production_electricity)),
        text<household>("road_access", FIELD(conditions.road_access)),
        real<household>("main_road_distance_km", FIELD(conditions.main_road_distance_km)),
        text<household>("fuel", FIELD(conditions.fuel)),
        flag<household>("sanitary_toilet", FIELD(conditions.sanitary_toilet)),
        flag<household>("cooperative_member", FIELD(conditions.cooperative_member)),
        text<household>("consumption_level", FIELD(conditions.consumption_level)),
        integer<household>("assets_value_fen", FIELD(conditions.assets_value)),
        text<household>("assets_note", FIELD(conditions.assets_note)),
        integer<household>("income_year", FIELD(income.year)),
        integer<household>("income_wages_fen", FIELD(income.wages)),
        integer<household>("income_production_business_fen", FIELD(income.production_business)),
        integer<household>("income_production_expenses_fen", FIELD(income.production_expenses)),
        integer<household>("income_property_fen", FIELD(income.property)),
        integer<household>("income_family_planning_fen", FIELD(income.transfers.family_planning)),
        integer<household>("income_minimum_allowance_fen", FIELD(income.transfers.minimum_allowance)),
        integer<household>("income_extreme_support_fen", FIELD(income.transfers.extreme_support)),
        integer<household>("income_pension_fen", FIELD(income.transfers.pension)),
        integer<household>("income_ecological_compensation_fen", FIELD(income.transfers.ecological_compensation)),
        integer<household>("income_other_transfers_fen", FIELD(income.transfers.other)),
        integer<household>("income_support_fen", FIELD(income.support)),
        integer<household>("per_capita_net_income_fen", FIELD(per_capita_net_income)),
        member_count(),
        income_band(),
        text<household>("main_cause", FIELD(main_cause)),
        other_cause("other_cause_1", 0),
        other_cause("other_cause_2", 1),
        text<household>("identification_standard", FIELD(identification_standard)),
        text<household>("poverty_type", FIELD(poverty_type)),
        flag<household>("military_family", FIELD(military_family)),
        flag<household>("only_child_family", FIELD(only_child_family)),
        flag<household>("two_daughters_family", FIELD(two_daughters_family)),
        text<household>("national_number", FIELD(national_number)),
        identification_flags(),
    };
    return columns;
}

const std::vector<column<member>>& member_table() {
    static const std::vector<column<member>> columns{
        text<member>("name", FIELD(name)),
        text<member>("id_number", FIELD(id_number)),
        text<member>("sex", FIELD(sex)),
        text<member>("birth_date", FIELD(birth_date)),
        text<member>("relation", FIELD(relation)),
        text<member>("education", FIELD(education)),
        text<member>("health", FIELD(health)),
        integer<member>("disability_grade", FIELD(disability_grade)),
        text<member>("labour_capacity", FIELD(labour_capacity)),
        integer<member>("migrant_work_months", FIELD(migrant_work_months)),
        integer<member>("migrant_work_income_fen", FIELD(migrant_work_income)),
        text<member>("ethnicity", FIELD(ethnicity)),
        text<member>("political_status", FIELD(political_status)),
        text<member>("schooling", FIELD(schooling)),
        text<member>("out_of_school_reason", FIELD(out_of_school_reason)),
        text<member>("disability_category", FIELD(disability_category)),
        text<member>("disability_certificate", FIELD(disability_certificate)),
        text<member>("work_status", FIELD(work_status)),
        text<member>("work_location", FIELD(work_location)),
        flag<member>("medical_insurance", FIELD(medical_insurance)),
        flag<member>("pension_insurance", FIELD(pension_insurance)),
        flag<member>("serious_illness_insurance", FIELD(serious_illness_insurance)),
    };
    return columns;
}

#undef FIELD

template <class Record>
std::vector<std::string_view> names_of(const std::vector<column<Record>>& columns) {
    std::vector<std::string_view> names;
    for (const auto& c : columns) names.push_back(c.name);
    return names;
}

template <class Record>
std::vector<sql::value> values_of(const std::vector<column<Record>>& columns, const Record& r) {
    std::vector<sql::value> values;
    values.reserve(columns.size());
    for (const auto& c : columns) values.push_back(c.write(r));
    return values;
}

template <class Record>
void read_into(const std::vector<column<Record>>& columns, const sql::row& row, std::size_t first, Record& r) {
    for (std::size_t k = 0; k < columns.size(); ++k) columns[k].read(row, first + k, r);
}

}  // namespace

const std::vector<std::string_view>& household_columns::household_names() {
    static const auto names = names_of(household_table());
    return names;
}

std::vector<sql::value> household_columns::household_values(const common::household& h) {
    return values_of(household_table(), h);
}

void household_columns::read_household(const sql::row& r, std::size_t first, common::household& h) {
    read_into(household_table(), r, first, h);
}

const std::vector<std::string_view>& household_columns::member_names() {
    static const auto names = names_of(member_table());
    return names;
}

std::vector<sql::value> household_columns::member_values(const common::member& m) {
    return values_of(member_table(), m);
}

void household_columns::read_member(const sql::row& r, std::size_t first, common::member& m) {
    read_into(member_table(), r, first, m);
}

std::string household_columns::joined(const std::vector<std::string_view>& names, std::string_view prefix) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += ", ";
        out += prefix;
        out += n;
    }
    return out;
}

std::string household_columns::placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
    return out;
}

}  // namespace fupin::server::storage
