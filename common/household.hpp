#pragma once
// The household file (一户一档): the value types shared by client and server.
// Plain data only. Validation lives in household_validation.hpp, JSON in household_json.hpp,
// the allowed enum codes (with Chinese and English labels) in vocabulary.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fupin::common {

// Money is kept exactly, in fen (分, 1/100 yuan). JSON carries yuan as a number with at most two decimals.
using money_fen = std::int64_t;

struct member {
    std::string name;
    std::string id_number;          // 18-character resident ID number (GB 11643)
    std::string sex;                // "male" | "female", derived from id_number
    std::string birth_date;         // "YYYY-MM-DD", derived from id_number
    std::string relation;           // vocabulary::relations, exactly one "head" per household
    std::string ethnicity;          // vocabulary::ethnicities (GB 3304 code), 民族
    std::string political_status;   // vocabulary::political_statuses, 政治面貌
    std::string education;          // vocabulary::education_levels
    std::string schooling;          // vocabulary::schooling, 在校生状况
    // vocabulary::out_of_school_reasons: why a member who is not in school is not (a child of compulsory school
    // age must be in school or have one for the exit standard, common/exit_rules.hpp); empty otherwise.
    std::string out_of_school_reason;
    std::string health;             // vocabulary::health_conditions
    int disability_grade = 0;       // 1..4 when health == "disabled", else 0
    std::string disability_category;     // vocabulary::disability_categories when disabled, else empty
    std::string disability_certificate;  // 残疾证号: the ID number, the category digit, the grade; may be empty
    std::string labour_capacity;    // vocabulary::labour_capacities, 劳动技能
    std::string work_status;        // vocabulary::work_statuses, 务工状况
    std::string work_location;      // vocabulary::work_locations when working, else empty, 务工地点
    int migrant_work_months = 0;    // 0..12; more than 0 only when working
    money_fen migrant_work_income = 0;
    bool medical_insurance = false;          // 参加城乡居民基本医疗保险
    bool pension_insurance = false;          // 参加城乡居民基本养老保险
    bool serious_illness_insurance = false;  // 参加大病保险
};

// 转移性收入 by kind, as the national form records it.
struct transfer_income {
    money_fen family_planning = 0;          // 计划生育金
    money_fen minimum_allowance = 0;        // 低保金
    money_fen extreme_support = 0;          // 特困供养金
    money_fen pension = 0;                  // 养老金
    money_fen ecological_compensation = 0;  // 生态补偿金
    money_fen other = 0;                    // 其他转移性收入
};

// The household's income for one year, by source, as the national form records it. Every amount is at least 0;
// the net income (income_total) may be negative, when the business cost more than it brought in.
struct income {
    int year = 0;
    money_fen wages = 0;                // 工资性收入
    money_fen production_business = 0;  // 生产经营性收入 (gross)
    money_fen production_expenses = 0;  // 生产经营性支出
    money_fen property = 0;             // 财产性收入
    transfer_income transfers;          // 转移性收入
    money_fen support = 0;              // 赡养性收入 (from relatives outside the household)
};

// Land in mu (亩), to one decimal place, by the national form's kinds.
struct land {
    double contracted_mu = 0;   // 耕地 (承包地)
    double transferred_mu = 0;  // 流转地
    double abandoned_mu = 0;    // 撂荒地
    double irrigated_mu = 0;    // 有效灌溉面积: of the contracted and transferred land, at most their sum
    double forest_mu = 0;       // 林地
    double returned_to_forest_mu = 0;  // 退耕还林
    double fruit_forest_mu = 0;        // 林果
    double pasture_mu = 0;             // 牧草地
    double water_surface_mu = 0;       // 水面
};

// Production and living conditions.
struct living_conditions {
    std::string housing;               // vocabulary::housing_conditions
    std::string housing_danger_grade;  // vocabulary::housing_danger_grades (C级/D级) for 危房, else empty
    double housing_area_m2 = 0;
    bool drinking_water_difficult = false;  // 饮水困难
    bool drinking_water_safe = false;       // 饮水安全
    bool food_secure = false;      // 不愁吃: food secure, as the village found it
    bool clothing_secure = false;  // 不愁穿: clothing secure
    std::string electricity;        // vocabulary::electricity, 生活用电
    bool production_electricity = false;  // 生产用电
    std::string road_access;        // vocabulary::road_access, 入户路类型
    double main_road_distance_km = 0;  // 与村主干路距离, to one decimal place
    std::string fuel;               // vocabulary::fuel_types, 主要燃料类型
    bool sanitary_toilet = false;   // 卫生厕所
    bool cooperative_member = false;  // 加入农民专业合作社
    std::string consumption_level;  // vocabulary::consumption_levels
    money_fen assets_value = 0;     // estimated value of productive and durable assets
    std::string assets_note;        // free text, e.g. "耕牛2头、摩托车1辆"
};

// What the village verifies for identification (识别) beyond incomes: the three priorities (三优先) and the
// three exclusions (三不评). Recorded facts, judged by common/identification_rules.hpp.
struct identification_facts {
    // 三优先
    bool elderly_with_disabled_children = false;  // 子女残疾的老人
    bool elderly_parents_of_only_child = false;   // 独生子女户的老人
    bool elderly_in_daughters_only_family = false;  // 纯女户的老人
    // 三不评
    bool land_abandoned_refusing_transfer = false;  // 拒不流转而撂荒土地
    bool family_planning_violation = false;         // 违反计划生育政策
    bool gambling_drugs_or_crime = false;           // 赌博、吸毒或其他违法犯罪
};

struct household {
    // Set by the server.
    std::int64_t id = 0;
    std::int64_t version = 0;
    std::int64_t created_at_ms = 0;  // UTC, milliseconds since the epoch
    std::int64_t updated_at_ms = 0;
    std::string status = "pending";  // vocabulary::household_statuses
    // Set by the exit procedure: the year the household left poverty (脱贫退出) and the last year it keeps its
    // helpers and measures (脱贫不脱政策: the exit year plus the year's transition period). Empty unless exited.
    std::optional<int> exit_year;
    std::optional<int> policies_until;
    // Set by the identification procedure's registration (or kept from an imported archive): the year the
    // household was registered (建档年度). Empty while it never was.
    std::optional<int> registered_year;

    // Where the household lives: statistical division codes.
    std::string township_code;  // 9 digits
    std::string village_code;   // 12 digits, starts with township_code
    std::string group_code;     // 15 digits, starts with village_code (village code + group number)
    // Names of the areas above, filled by the server on read; ignored on input.
    std::string township_name;
    std::string village_name;
    std::string group_name;

    std::string head_name;  // derived: the name of the member whose relation is "head"
    std::string address;
    std::string phone;
    std::string bank_name;
    std::string bank_account;

    // Qualified: a member named like its type must not change what the unqualified name means (g++ refuses).
    ::fupin::common::land land;
    living_conditions conditions;
    std::vector<member> members;
    ::fupin::common::income income;
    money_fen per_capita_net_income = 0;  // derived: total net income / household size

    std::string main_cause;                // vocabulary::poverty_causes
    std::vector<std::string> other_causes; // at most two, distinct, not the main cause

    // The national registration form's attributes of the household.
    std::string identification_standard = "national";  // vocabulary::identification_standards, 识别标准
    std::string poverty_type = "general";  // vocabulary::poverty_types, 贫困户属性 (低保, 特困供养 = 五保)
    bool military_family = false;        // 军烈属
    bool only_child_family = false;      // 独生子女户
    bool two_daughters_family = false;   // 双女户
    std::string national_number;         // the national system's household number, digits; empty if none yet

    identification_facts identification;
};

// Filters and paging for a household list. Newest change first.
struct household_filter {
    std::string township_code;  // empty: the caller's whole area
    std::string village_code;
    std::string group_code;
    std::string status;
    std::string main_cause;     // vocabulary::poverty_causes
    // A name or part of one (the head's or any member's), or a whole ID number (any member's): at most 50
    // characters.
    std::string search;
    int page_size = 50;         // 1..200
    std::string page_token;     // opaque, from the previous page's next_page_token
};

struct household_page {
    std::vector<household> items;
    std::string next_page_token;  // empty on the last page
};

}  // namespace fupin::common
