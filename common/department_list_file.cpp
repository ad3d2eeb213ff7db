#include "common/department_list_file.hpp"

#include <array>
#include <optional>

#include "common/csv_reader.hpp"
#include "common/id_number.hpp"
#include "common/posting_period.hpp"
#include "common/text_encoding.hpp"
#include "common/utf8.hpp"

namespace fupin::common {
namespace {

enum column { id_number_column, name_column, detail_column, date_column, column_count };

constexpr std::array<std::string_view, column_count> column_keys{"id_number", "name", "detail", "date"};

std::optional<column> column_of(std::string_view header) {
    struct alias {
        std::string_view text;
        column c;
    };
    static constexpr alias aliases[] = {
        {"身份证号", id_number_column}, {"身份证号码", id_number_column}, {"公民身份号码", id_number_column},
        {"证件号码", id_number_column}, {"id_number", id_number_column},  {"姓名", name_column},
        {"name", name_column},          {"明细", detail_column},          {"内容", detail_column},
        {"detail", detail_column},      {"日期", date_column},            {"登记日期", date_column},
        {"date", date_column},
    };
    for (const auto& a : aliases)
        if (a.text == header) return a.c;
    return std::nullopt;
}

// YYYY-MM or a calendar date YYYY-MM-DD.
bool valid_list_date(const std::string& s) {
    if (s.size() == 7) {
        if (s[4] != '-') return false;
        for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
            if (s[i] < '0' || s[i] > '9') return false;
        const int month = (s[5] - '0') * 10 + (s[6] - '0');
        return month >= 1 && month <= 12;
    }
    return s.size() == 10 && parse_date(s).has_value();
}

}  // namespace

department_list_file read_department_list(std::string_view bytes, std::chrono::year_month_day today) {
    department_list_file out;
    auto problem = [&](int line, std::string column, std::string zh, std::string en) {
        ++out.problem_count;
        if (out.problems.size() < department_list_problems_named)
            out.problems.push_back({line, std::move(column), std::move(zh), std::move(en)});
    };
    if (bytes.size() > department_list_max_bytes) {
        problem(0, "", "文件超过 " + std::to_string(department_list_max_bytes / (1024 * 1024)) + " MB",
                "the file is larger than " + std::to_string(department_list_max_bytes / (1024 * 1024)) + " MB");
        return out;
    }
    auto text = decode_utf8_or_gb18030(bytes);
    if (!text) {
        problem(0, "", "文件既不是 UTF-8 编码也不是 GB18030 编码", "the file is neither UTF-8 nor GB18030");
        return out;
    }
    out.encoding = text->encoding;
    const auto table = read_csv(text->text, department_list_max_rows + 1);  // the header and the rows
    if (!table.ok()) {
        problem(table.error_line, "", table.error_zh, table.error_en);
        return out;
    }
    if (table.records.empty()) {
        problem(0, "", "文件是空的：第一行应为表头（身份证号、姓名、明细、日期）",
                "the file is empty: its first line is the header (id_number, name, detail, date)");
        return out;
    }

    const auto& header = table.records.front();
    std::array<std::optional<std::size_t>, column_count> at{};
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const auto c = column_of(trimmed_field(header.fields[i]));
        if (!c) continue;  // departments export more columns than the check needs
        if (at[*c]) {
            problem(header.line, std::string(column_keys[*c]), "表头中“" + trimmed_field(header.fields[i]) + "”列重复",
                    "the header names column " + std::string(column_keys[*c]) + " twice");
            return out;
        }
        at[*c] = i;
    }
    if (!at[id_number_column]) {
        problem(header.line, "id_number", "表头中没有“身份证号”列", "the header has no id_number column");
        return out;
    }
    if (table.records.size() == 1) {
        problem(header.line, "", "文件只有表头，没有数据行", "the file has a header and no rows");
        return out;
    }

    out.rows.reserve(table.records.size() - 1);
    for (std::size_t r = 1; r < table.records.size(); ++r) {
        const auto& record = table.records[r];
        const auto line = std::to_string(record.line);
        if (record.fields.size() != header.fields.size()) {
            problem(record.line, "",
                    "第 " + line + " 行：有 " + std::to_string(record.fields.size()) + " 列，表头有 " +
                        std::to_string(header.fields.size()) + " 列",
                    "line " + line + ": " + std::to_string(record.fields.size()) + " columns, the header has " +
                        std::to_string(header.fields.size()));
            continue;
        }
        auto field = [&](column c) { return at[c] ? trimmed_field(record.fields[*at[c]]) : std::string(); };
        department_list_row row;
        row.line = record.line;
        bool row_ok = true;

        const auto id = field(id_number_column);
        if (id.empty()) {
            problem(record.line, "id_number", "第 " + line + " 行：身份证号为空", "line " + line + ": no ID number");
            row_ok = false;
        } else {
            const auto check = check_id_number(id, today);
            if (!check.ok()) {
                problem(record.line, "id_number", "第 " + line + " 行：" + id_number_problem_message(check.problem, false),
                        "line " + line + ": " + id_number_problem_message(check.problem, true));
                row_ok = false;
            }
            row.id_number = check.normalized;
        }

        auto text_field = [&](column c, std::size_t limit, const char* zh_name, std::string& into) {
            into = field(c);
            if (has_control_characters(into)) {
                problem(record.line, std::string(column_keys[c]), "第 " + line + " 行：" + zh_name + "中有控制字符或换行",
                        "line " + line + ": the " + std::string(column_keys[c]) + " holds control characters");
                row_ok = false;
            } else if (utf8_length(into).value_or(0) > limit) {
                problem(record.line, std::string(column_keys[c]),
                        "第 " + line + " 行：" + zh_name + "超过 " + std::to_string(limit) + " 个字",
                        "line " + line + ": the " + std::string(column_keys[c]) + " is longer than " +
                            std::to_string(limit) + " characters");
                row_ok = false;
            }
        };
        text_field(name_column, department_list_name_chars, "姓名", row.name);
        text_field(detail_column, department_list_detail_chars, "明细", row.detail);

        row.recorded_on = field(date_column);
        if (!row.recorded_on.empty() && !valid_list_date(row.recorded_on)) {
            problem(record.line, "date",
                    "第 " + line + " 行：日期“" + row.recorded_on + "”应为 YYYY-MM 或 YYYY-MM-DD",
                    "line " + line + ": the date is not YYYY-MM or YYYY-MM-DD");
            row_ok = false;
        }
        if (row_ok) out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace fupin::common
