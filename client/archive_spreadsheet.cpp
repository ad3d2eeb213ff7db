#include "client/archive_spreadsheet.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "client/input_errors.hpp"
#include "client/input_file.hpp"
#include "client/xlsx_sheet_reader.hpp"
#include "common/csv_reader.hpp"
#include "common/text_encoding.hpp"

namespace fupin::client {
namespace {

bool ends_with_ci(std::string s, const std::string& suffix) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s.ends_with(suffix);
}

bool blank(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return common::trimmed_field(c).empty(); });
}

// Rows after the header go to the reader; a spreadsheet longer than the import takes is refused.
class row_feed {
public:
    void operator()(int row, const std::vector<std::string>& cells) {
        if (!reader_) {
            if (blank(cells)) return;
            reader_.emplace(cells, row);
            return;
        }
        if (++rows_ > common::archive_import_max_rows)
            throw unreadable_file("文件超过 " + std::to_string(common::archive_import_max_rows) + " 行");
        reader_->add_row(row, cells);
    }
    common::archive_table_reader::result finish(std::chrono::year_month_day today) {
        if (!reader_) throw unreadable_file("文件是空的：没有表头");
        return reader_->finish(today);
    }

private:
    std::optional<common::archive_table_reader> reader_;
    std::size_t rows_ = 0;
};

}  // namespace

archive_spreadsheet read_archive_spreadsheet(const std::string& path, std::chrono::year_month_day today) {
    archive_spreadsheet out;
    row_feed feed;
    if (ends_with_ci(path, ".xlsx")) {
        out.format = "xlsx";
        read_first_sheet(path, [&](int row, const std::vector<std::string>& cells) { feed(row, cells); });
    } else if (ends_with_ci(path, ".csv") || ends_with_ci(path, ".txt")) {
        out.format = "csv";
        std::istringstream no_stdin;
        const auto bytes = read_input(path, no_stdin);
        const auto text = common::decode_utf8_or_gb18030(bytes);
        if (!text) throw unreadable_file("文件既不是 UTF-8 也不是 GB18030 编码的文字：" + path);
        out.encoding = text->encoding;
        const auto table = common::read_csv(text->text, common::archive_import_max_rows + 1);
        if (!table.ok())
            throw unreadable_file("第" + std::to_string(table.error_line) + "行：" + table.error_zh);
        for (const auto& r : table.records) feed(r.line, r.fields);
    } else {
        throw unreadable_file("只能导入 .xlsx 或 .csv 文件：" + path);
    }
    out.table = feed.finish(today);
    return out;
}

}  // namespace fupin::client
