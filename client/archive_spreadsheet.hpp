#pragma once
// A spreadsheet of the archive named on the command line, read into household files by
// common/archive_table_reader: XLSX (its first sheet) or CSV in UTF-8 or GB18030, told apart by the name's
// ending. The first row with anything in it is the header. Throws unreadable_file for a file that cannot be
// read as either.
#include <chrono>
#include <string>

#include "common/archive_table_reader.hpp"

namespace fupin::client {

struct archive_spreadsheet {
    std::string format;    // xlsx | csv
    std::string encoding;  // a CSV's: utf-8 | gb18030
    common::archive_table_reader::result table;
};

archive_spreadsheet read_archive_spreadsheet(const std::string& path, std::chrono::year_month_day today);

}  // namespace fupin::client
