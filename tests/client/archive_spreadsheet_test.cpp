// Spreadsheets of the archive read back: the server's own export in XLSX (its first sheet, streamed) and in CSV
// (UTF-8 with its byte-order mark, or GB18030 as Excel on a Chinese Windows saves it) come back as the files
// they were made from; the committed template is the one the server serves.
#include "client/archive_spreadsheet.hpp"

#include <filesystem>
#include <fstream>
#include <iconv.h>

#include <gtest/gtest.h>

#include "client/input_errors.hpp"
#include "client/xlsx_sheet_reader.hpp"
#include "common/household_json.hpp"
#include "common/household_validation.hpp"
#include "server/documents/archive_csv.hpp"
#include "server/documents/archive_template.hpp"
#include "server/documents/archive_xlsx.hpp"
#include "test_data/sample_household.hpp"

namespace fupin::client {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;
constexpr year_month_day today{year{2026}, November, day{29}};

class archive_spreadsheet_test : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("fupin-sheet-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        auto a = test_data::sample_household({.seed = 31, .size = 4});
        a.id = 12;
        a.status = "registered";
        a.registered_year = 2016;
        auto b = test_data::sample_household({.seed = 32, .size = 1});
        b.id = 13;
        // The registered file with its two helpers, the second without a phone.
        files_ = {{a, {{"李帮扶", "13900000001"}, {"张帮扶", ""}}}, {b, {}}};
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string write(const std::string& name, const std::string& bytes) {
        const auto path = (dir_ / name).string();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

    template <class Table>
    std::string exported(Table make) {
        std::string bytes;
        auto table = make([&](std::string_view b) { bytes.append(b); });
        for (const auto& h : files_) table.add(h);
        table.finish();
        return bytes;
    }

    void expect_the_files(const archive_spreadsheet& read) {
        ASSERT_TRUE(read.table.problems.empty()) << read.table.problems.named.front().row << " "
                                                 << read.table.problems.named.front().zh;
        ASSERT_EQ(read.table.files.size(), files_.size());
        EXPECT_EQ(read.table.rows, 5u);
        for (std::size_t i = 0; i < files_.size(); ++i) {
            auto expected = files_[i].file;
            expected.id = 0;
            expected.township_name = expected.village_name = expected.group_name = "";
            common::derive(expected);
            EXPECT_EQ(common::to_json(read.table.files[i].file), common::to_json(expected));
            ASSERT_EQ(read.table.files[i].helpers.size(), files_[i].helpers.size());
            for (std::size_t k = 0; k < files_[i].helpers.size(); ++k) {
                EXPECT_EQ(read.table.files[i].helpers[k].name, files_[i].helpers[k].name);
                EXPECT_EQ(read.table.files[i].helpers[k].phone, files_[i].helpers[k].phone);
            }
        }
    }

    fs::path dir_;
    std::vector<common::archive_household> files_;
};

TEST_F(archive_spreadsheet_test, TheServersXlsxExportComesBackAsItsFiles) {
    const auto bytes = exported([](auto sink) {
        return server::documents::archive_xlsx(sink, common::language::zh, "石门镇扶贫对象档案", "青峰县", "2026-11-29 10:00");
    });
    const auto read = read_archive_spreadsheet(write("archive.XLSX", bytes), today);
    EXPECT_EQ(read.format, "xlsx");
    expect_the_files(read);
}

TEST_F(archive_spreadsheet_test, TheServersCsvExportComesBackInUtf8AndInGb18030) {
    const auto utf8 = exported([](auto sink) { return server::documents::archive_csv(sink, common::language::zh); });
    const auto read = read_archive_spreadsheet(write("archive.csv", utf8), today);
    EXPECT_EQ(read.encoding, "utf-8");
    expect_the_files(read);

    // Excel on a Chinese Windows saves CSV in GB18030, without the byte-order mark.
    std::string text = utf8.substr(3);
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    ASSERT_NE(cd, reinterpret_cast<iconv_t>(-1));
    std::string gb(text.size() * 2, '\0');
    char* in = text.data();
    char* out = gb.data();
    std::size_t in_left = text.size(), out_left = gb.size();
    ASSERT_NE(iconv(cd, &in, &in_left, &out, &out_left), static_cast<std::size_t>(-1));
    iconv_close(cd);
    gb.resize(gb.size() - out_left);
    const auto read_gb = read_archive_spreadsheet(write("archive-gb.csv", gb), today);
    EXPECT_EQ(read_gb.encoding, "gb18030");
    expect_the_files(read_gb);
}

TEST_F(archive_spreadsheet_test, WhatIsNotASpreadsheetIsRefusedByName) {
    EXPECT_THROW(read_archive_spreadsheet(write("archive.xlsx", "not a zip"), today), unreadable_file);
    EXPECT_THROW(read_archive_spreadsheet(write("archive.pdf", "%PDF"), today), unreadable_file);
    EXPECT_THROW(read_archive_spreadsheet((dir_ / "missing.csv").string(), today), unreadable_file);
    EXPECT_THROW(read_archive_spreadsheet(write("empty.csv", ""), today), unreadable_file);
}

TEST_F(archive_spreadsheet_test, TheCommittedTemplateIsTheOneTheServerServes) {
    const fs::path templates = fs::path(FUPIN_SOURCE_DIR) / "data" / "templates";
    std::ifstream committed(templates / "archive-import-template.csv", std::ios::binary);
    std::string csv;
    server::documents::write_import_template_csv([&](std::string_view b) { csv.append(b); }, common::language::zh);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(committed), {}), csv)
        << "data/templates/archive-import-template.csv is out of date: township-client template --format csv";

    std::vector<std::string> header;
    read_first_sheet((templates / "archive-import-template.xlsx").string(), [&](int row, const auto& cells) {
        if (row == 1) header = cells;
    });
    EXPECT_EQ(header, common::archive_header(common::language::zh))
        << "data/templates/archive-import-template.xlsx is out of date: township-client template";
}

}  // namespace
}  // namespace fupin::client
