#pragma once
// An archive read back from a spreadsheet in the columns of common/archive_columns.hpp (the export's layout, and
// the template's): rows one by one, grouped into household files by their 户编号, every cell read and every file
// checked by the rules a create meets, each problem named by its row, its column and what is wrong, in Chinese
// and English. The client reads a file with it before anything is sent (the dry run); the server checks each
// file again as it arrives.
#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/archive_columns.hpp"
#include "common/household.hpp"

namespace fupin::common {

inline constexpr std::size_t archive_import_max_rows = 2'000'000;
// Problems named one by one; more are counted.
inline constexpr std::size_t archive_import_problems_named = 1000;

struct archive_import_problem {
    int row = 0;          // the spreadsheet's row (1 is the header)
    std::string column;   // the column's Chinese header; "" for the row or the file as a whole
    std::string zh;
    std::string en;
};

// One household file of the spreadsheet: the file (with status, registered_year and exit_year as the
// spreadsheet says) and its helpers, and its rows, one per member in the members' order.
struct archive_import_file : archive_household {
    int first_row = 0;
    std::vector<int> rows;
};

struct archive_import_problems {
    std::vector<archive_import_problem> named;  // at most archive_import_problems_named, in row order
    std::size_t count = 0;
    void add(archive_import_problem p);
    bool empty() const { return count == 0; }
};

// The import's own rules beside validation's: a registered or exited file names the year it was registered
// (2013, when 建档立卡 began, to this year), an exited one the year it left (from that year to this), a pending
// one neither; helpers (at most two, each named) answer only for a registered or exited file. Problems are
// reported at `row`.
void check_import_rules(const archive_household& h, int this_year, int row, archive_import_problems& out);

// Derives f's file and adds every problem validation and check_import_rules find, each at its row and column.
void check_import_file(archive_import_file& f, std::chrono::year_month_day today, archive_import_problems& out);
// Where validation's field (e.g. "members[2].id_number") lies in the spreadsheet: its row and column.
archive_import_problem problem_at(const archive_import_file& f, const std::string& field, std::string zh,
                                  std::string en);

class archive_table_reader {
public:
    // The header row: every column named by its Chinese or English header, each at most once; the ones an
    // import needs present (户编号, 组代码, 姓名, 身份证号, 与户主关系). Columns it does not know are problems.
    archive_table_reader(const std::vector<std::string>& header, int header_row);

    // One row of cells, as the file holds them (a cell is trimmed; a leading ' before = + - @ and a leading tab,
    // which the export adds for spreadsheets, are dropped). Rows with every cell empty are skipped.
    void add_row(int row, const std::vector<std::string>& cells);

    // The files, in the order of their first rows, each derived (sexes, birth dates, head, per-capita income)
    // and checked against `today` (China Standard Time), with every problem; the same person twice in the
    // spreadsheet is one.
    struct result {
        std::vector<archive_import_file> files;
        archive_import_problems problems;
        std::size_t rows = 0;
        std::size_t people = 0;
    };
    result finish(std::chrono::year_month_day today);

    const archive_import_problems& problems() const { return problems_; }

private:
    std::vector<const archive_column*> columns_;  // per cell position; nullptr: ignored (already a problem)
    std::vector<bool> blank_header_;              // per cell position: the header cell is empty
    std::optional<std::size_t> number_at_;        // 户编号's position
    std::map<std::string, std::size_t> file_of_number_;
    // Per file, the household columns' text as its first row held it: a later row that differs is a problem.
    std::vector<std::vector<std::string>> household_cells_;
    std::set<std::pair<std::size_t, std::size_t>> disagreements_;  // (file, column) said to differ
    std::vector<archive_import_file> files_;
    archive_import_problems problems_;
    std::size_t rows_ = 0;
};

}  // namespace fupin::common
