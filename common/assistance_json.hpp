#pragma once
// Measures, projects, plans and visits in JSON (docs/protocol.md, "Assistance"), and the checks of a clerk's
// input that need no database: categories, statuses, dates, funds by source, text lengths. Requests are read
// strictly (unknown keys refused) and checked; responses leniently (a newer server may add fields).
#include <nlohmann/json.hpp>

#include "common/assistance.hpp"
#include "common/assistance_rules.hpp"
#include "common/household_json.hpp"
#include "common/sandaohu.hpp"

namespace fupin::common {

inline constexpr std::size_t max_measure_text_chars = 500;
inline constexpr std::size_t max_project_name_chars = 100;

nlohmann::json to_json(const measure& m);
nlohmann::json to_json(const project& p);
nlohmann::json to_json(const assistance_plan& p);
nlohmann::json to_json(const visit& v);
nlohmann::json to_json(const category_suggestion& s);

measure measure_from_json(const nlohmann::json& j, json_source source = json_source::request);
project project_from_json(const nlohmann::json& j, json_source source = json_source::request);
assistance_plan assistance_plan_from_json(const nlohmann::json& j, json_source source = json_source::request);
visit visit_from_json(const nlohmann::json& j, json_source source = json_source::request);
category_suggestion category_suggestion_from_json(const nlohmann::json& j);

nlohmann::json to_json(const sandaohu_report& r);
sandaohu_report sandaohu_report_from_json(const nlohmann::json& j);

// What the *_from_json readers check of a request (422 naming the field), for records built in code.
void check_measure(const measure& m);
void check_project(const project& p);
void check_assistance_plan(const assistance_plan& p);
void check_visit(const visit& v);

}  // namespace fupin::common
