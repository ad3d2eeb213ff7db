#pragma once
// JSON of an archive import: its summary, a batch of the spreadsheet's files, and the problems found.
#include <vector>

#include <nlohmann/json.hpp>

#include "common/archive_import.hpp"
#include "common/archive_table_reader.hpp"

namespace fupin::common {

nlohmann::json to_json(const archive_import& i);
archive_import archive_import_from_json(const nlohmann::json& j);

// A file of the spreadsheet: {"first_row", "rows", "status", "registered_year", "exit_year", "helpers":
// [{"name", "phone"}], "household"}; the household as a create sends it.
nlohmann::json to_json(const archive_import_file& f);
// Strict (unknown keys and wrong types are 422 at their path). The household's server-set fields are not
// taken from "household": status and the years come from their own keys.
archive_import_file archive_import_file_from_json(const nlohmann::json& j, const std::string& path);

nlohmann::json to_json(const archive_import_problem& p);
archive_import_problem archive_import_problem_from_json(const nlohmann::json& j);

}  // namespace fupin::common
