#pragma once
// JSON of the checks against other departments (docs/protocol.md, "Checks against other departments"): the
// server writes lists, flags and a refused file's problems; the client reads them back.
#include <nlohmann/json.hpp>

#include "common/department_check.hpp"
#include "common/department_list_file.hpp"

namespace fupin::common {

nlohmann::json to_json(const department_list& l);
nlohmann::json to_json(const household_flag& f);  // with its reason in both languages
nlohmann::json to_json(const department_list_problem& p);

department_list department_list_from_json(const nlohmann::json& j);
household_flag household_flag_from_json(const nlohmann::json& j);
department_list_problem department_list_problem_from_json(const nlohmann::json& j);

}  // namespace fupin::common
