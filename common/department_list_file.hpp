#pragma once
// A department's list as a file (docs/procedure.md, "Checks against other departments"): CSV in UTF-8 or
// GB18030, a header row naming the columns, then one person per row. Read and checked here, row by row, so that
// the server refuses a file with any bad row (naming every one, in Chinese) and the client can check a file
// before sending it.
//
// Columns, by their header (Chinese or English; others are ignored): 身份证号 (also 身份证号码, 公民身份号码,
// 证件号码, id_number), required; 姓名 (name); 明细 (also 内容, detail): what the department records, e.g. 轿车一辆;
// 日期 (also 登记日期, date): YYYY-MM or YYYY-MM-DD.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/department_check.hpp"

namespace fupin::common {

inline constexpr std::size_t department_list_max_rows = 200'000;
inline constexpr std::size_t department_list_max_bytes = 32 * 1024 * 1024;
inline constexpr std::size_t department_list_name_chars = 50;
inline constexpr std::size_t department_list_detail_chars = 100;
// Problems named one by one; more are counted.
inline constexpr std::size_t department_list_problems_named = 1000;

struct department_list_problem {
    int line = 0;
    std::string column;  // the header's column key (id_number, name, detail, date), "" for the row as a whole
    std::string zh;
    std::string en;
};

struct department_list_file {
    std::string encoding;  // utf-8 | gb18030
    std::vector<department_list_row> rows;
    std::vector<department_list_problem> problems;  // at most department_list_problems_named
    std::size_t problem_count = 0;
    bool ok() const { return problem_count == 0; }
};

// `today` bounds the ID numbers' birth dates (GB 11643 checks).
department_list_file read_department_list(std::string_view bytes, std::chrono::year_month_day today);

}  // namespace fupin::common
