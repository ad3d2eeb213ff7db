#pragma once
// The archive as one table in the columns of the national registration form: one row per member, the
// household's columns repeated on every row of its members (a spreadsheet a county office sorts, filters and
// sends on), rows of one household together under its 户编号. The one layout of the export, the import
// template and the import; each column says how its cell is written and how a cell is read back.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/household.hpp"
#include "common/language.hpp"
#include "common/vocabulary.hpp"

namespace fupin::common {

enum class column_kind {
    text,     // as entered
    code,     // a vocabulary's code, written as its Chinese label
    money,    // yuan, two decimals ("2300.50"), a number to a spreadsheet
    decimal,  // land, floor area, distance: at most one decimal
    count,    // a whole number
    yes_no,   // 是 / 否
};

enum class column_level { household, member };

// A cell as written: its text (CSV, and XLSX for text), and for numbers the number (XLSX writes it as one).
struct archive_cell {
    std::string text;
    std::optional<double> number;
};

// A helper answering for a household (帮扶责任人), as the table names him: name and phone (联系到人). An import
// finds him among the county's helpers by both.
struct archive_helper {
    std::string name;
    std::string phone;
};

// What a household's rows are made from, and what an import reads them into: the file and its helpers now.
struct archive_household {
    household file;
    std::vector<archive_helper> helpers;
};

// Why a cell's text cannot be read, in both languages.
struct cell_problem {
    std::string zh;
    std::string en;
};

struct archive_column {
    const char* zh;  // the header, as the national form names it
    const char* en;
    column_kind kind;
    column_level level;
    const vocabulary_list* vocabulary;  // for column_kind::code
    // The field as validation names it (common/household_validation.hpp; a member's below "members[i]."): the
    // column where an import reports validation's problem. Empty where validation names no field.
    const char* field;
    std::function<archive_cell(const archive_household&, const member&)> read;
    // Sets the field from a cell's text (trimmed; empty means the field's empty value: "", 0, 否). Returns why
    // the text means nothing, or nullopt. Empty for the columns an import does not take from the file: the file
    // number (it groups the rows), the areas' names (the group code names them) and the per-capita income
    // (computed from the incomes).
    std::function<std::optional<cell_problem>(archive_household&, member&, const std::string&)> write;
};

// In order. The first is 户编号 (the file's number in the archive), which groups a household's rows.
const std::vector<archive_column>& archive_columns();
// The header row in `lang`.
std::vector<std::string> archive_header(language lang);
// The rows of one household: one per member, in the file's order.
std::vector<std::vector<archive_cell>> archive_rows(const archive_household& h);
// The column whose header is `header`, Chinese or English; nullptr for none.
const archive_column* archive_column_named(const std::string& header);

}  // namespace fupin::common
