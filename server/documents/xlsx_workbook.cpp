#include "server/documents/xlsx_workbook.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <list>
#include <set>
#include <stdexcept>

#include <xlsxwriter.h>

#include "common/utf8.hpp"

namespace fupin::server::documents {
namespace {

constexpr std::size_t sheet_name_limit = 31;  // Excel's, in characters

// Excel's printed head and foot take '&' as a code: a name with one is written "&&".
std::string header_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '&') out += '&';
    }
    return out;
}

// The first `limit` characters of well-formed UTF-8 text.
std::string cut_to_characters(const std::string& text, std::size_t limit) {
    std::size_t end = 0;
    for (std::size_t count = 0; end < text.size() && count < limit; ++count) {
        const std::size_t bytes = common::utf8_character_bytes(text, end);
        end += bytes ? bytes : 1;
    }
    return text.substr(0, end);
}

}  // namespace

struct xlsx_workbook::impl {
    std::filesystem::path path;
    lxw_workbook* workbook = nullptr;
    lxw_format* heading = nullptr;
    lxw_format* title_format = nullptr;
    lxw_format* text = nullptr;
    lxw_format* wrapped = nullptr;
    lxw_format* amount = nullptr;
    lxw_format* count = nullptr;
    std::string head;
    std::string foot;
    std::string title;
    std::set<std::string> names;
    std::list<std::string> images;  // kept until the workbook is closed, which reads them
    std::string tmpdir;
    lxw_error error = LXW_NO_ERROR;

    void note(lxw_error e) {
        if (e != LXW_NO_ERROR && error == LXW_NO_ERROR) error = e;
    }

    lxw_format* bordered() {
        auto* f = workbook_add_format(workbook);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        return f;
    }

    ~impl() {
        // A workbook never finished is closed all the same, so its temporary files go; its file is removed.
        if (workbook) workbook_close(workbook);
        std::error_code ignored;
        if (!path.empty()) std::filesystem::remove(path, ignored);
    }
};

xlsx_workbook::xlsx_workbook(std::string title, std::string county_name, std::string printed_at)
    : impl_(std::make_unique<impl>()) {
    auto& d = *impl_;
    std::string name = (std::filesystem::temp_directory_path() / "fupin-xlsx-XXXXXX").string();
    const int fd = mkstemp(name.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for a workbook");
    ::close(fd);
    d.path = name;
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_TRUE;  // a county's archive can pass ZIP's 4 GB for one sheet
    // Its row files in the same temporary folder as the answers (TMPDIR), not always /tmp.
    d.tmpdir = std::filesystem::temp_directory_path().string();
    options.tmpdir = d.tmpdir.data();
    d.workbook = workbook_new_opt(name.c_str(), &options);
    if (!d.workbook) throw std::runtime_error("cannot start a workbook");
    d.title = std::move(title);
    lxw_doc_properties properties{};
    properties.title = d.title.data();
    properties.author = const_cast<char*>("fupin-archive county-server");
    d.note(workbook_set_properties(d.workbook, &properties));
    d.head = "&L" + header_text(county_name) + "&R" + header_text(d.title);
    d.foot = "&L" + header_text(printed_at) + "&C第 &P 页，共 &N 页";

    d.heading = d.bordered();
    format_set_bold(d.heading);
    format_set_text_wrap(d.heading);
    format_set_align(d.heading, LXW_ALIGN_CENTER);
    format_set_pattern(d.heading, LXW_PATTERN_SOLID);
    format_set_bg_color(d.heading, 0xE0E0E0);
    d.title_format = workbook_add_format(d.workbook);
    format_set_bold(d.title_format);
    format_set_font_size(d.title_format, 14);
    d.text = d.bordered();
    d.wrapped = d.bordered();
    format_set_text_wrap(d.wrapped);
    d.amount = d.bordered();
    format_set_num_format(d.amount, "#,##0.00");
    d.count = d.bordered();
    format_set_num_format(d.count, "0");
}

xlsx_workbook::~xlsx_workbook() = default;

xlsx_workbook::sheet xlsx_workbook::add_sheet(std::string_view wanted) {
    auto& d = *impl_;
    std::string base;
    for (char c : wanted) base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
    if (base.empty()) base = "Sheet";
    std::string name = cut_to_characters(base, sheet_name_limit);
    for (int n = 2; d.names.count(name); ++n) {
        const std::string suffix = "(" + std::to_string(n) + ")";
        name = cut_to_characters(base, sheet_name_limit - suffix.size()) + suffix;
    }
    d.names.insert(name);
    auto* ws = workbook_add_worksheet(d.workbook, name.c_str());
    if (!ws) throw std::runtime_error("cannot add a worksheet");
    worksheet_set_paper(ws, 9);  // A4
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);  // as wide as the page, as many pages long as it takes
    d.note(worksheet_set_header(ws, d.head.c_str()));
    d.note(worksheet_set_footer(ws, d.foot.c_str()));
    return sheet(*this, ws);
}

void xlsx_workbook::sheet::set_columns(const std::vector<double>& widths) {
    auto* ws = static_cast<lxw_worksheet*>(worksheet_);
    for (std::size_t c = 0; c < widths.size(); ++c)
        book_->impl_->note(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr));
}

void xlsx_workbook::sheet::header(const std::vector<std::string>& titles) {
    auto* ws = static_cast<lxw_worksheet*>(worksheet_);
    for (std::size_t c = 0; c < titles.size(); ++c) text(static_cast<int>(c), titles[c], cell_kind::heading);
    book_->impl_->note(worksheet_repeat_rows(ws, static_cast<lxw_row_t>(row_), static_cast<lxw_row_t>(row_)));
    worksheet_freeze_panes(ws, static_cast<lxw_row_t>(row_ + 1), 0);
    next_row();
}

void xlsx_workbook::sheet::text(int column, std::string_view value, cell_kind kind) {
    auto& d = *book_->impl_;
    lxw_format* f = kind == cell_kind::heading        ? d.heading
                    : kind == cell_kind::title        ? d.title_format
                    : kind == cell_kind::wrapped_text ? d.wrapped
                                                      : d.text;
    const std::string owned(value);
    d.note(worksheet_write_string(static_cast<lxw_worksheet*>(worksheet_), static_cast<lxw_row_t>(row_),
                                  static_cast<lxw_col_t>(column), owned.c_str(), f));
}

void xlsx_workbook::sheet::amount(int column, std::int64_t fen) {
    auto& d = *book_->impl_;
    d.note(worksheet_write_number(static_cast<lxw_worksheet*>(worksheet_), static_cast<lxw_row_t>(row_),
                                  static_cast<lxw_col_t>(column), static_cast<double>(fen) / 100.0, d.amount));
}

void xlsx_workbook::sheet::count(int column, double value) {
    auto& d = *book_->impl_;
    d.note(worksheet_write_number(static_cast<lxw_worksheet*>(worksheet_), static_cast<lxw_row_t>(row_),
                                  static_cast<lxw_col_t>(column), value, d.count));
}

void xlsx_workbook::sheet::number(int column, double value) {
    auto& d = *book_->impl_;
    d.note(worksheet_write_number(static_cast<lxw_worksheet*>(worksheet_), static_cast<lxw_row_t>(row_),
                                  static_cast<lxw_col_t>(column), value, d.text));
}

void xlsx_workbook::sheet::image(int column, std::string png) {
    auto& d = *book_->impl_;
    const auto& kept = d.images.emplace_back(std::move(png));
    d.note(worksheet_insert_image_buffer(static_cast<lxw_worksheet*>(worksheet_), static_cast<lxw_row_t>(row_),
                                         static_cast<lxw_col_t>(column),
                                         reinterpret_cast<const unsigned char*>(kept.data()), kept.size()));
}

void xlsx_workbook::sheet::next_row() { ++row_; }

void xlsx_workbook::finish(const std::function<void(std::string_view bytes)>& out) {
    auto& d = *impl_;
    const lxw_error closed = workbook_close(d.workbook);
    d.workbook = nullptr;
    d.note(closed);
    if (d.error != LXW_NO_ERROR) throw std::runtime_error(std::string("workbook failed: ") + lxw_strerror(d.error));
    std::ifstream in(d.path, std::ios::binary);
    // Read through the open stream, its name gone at once: a crash now leaves no file of names and ID numbers.
    std::error_code ignored;
    std::filesystem::remove(d.path, ignored);
    d.path.clear();
    std::string piece(64 * 1024, '\0');
    while (in.read(piece.data(), static_cast<std::streamsize>(piece.size())) || in.gcount() > 0)
        out(std::string_view(piece.data(), static_cast<std::size_t>(in.gcount())));
    if (in.bad()) throw std::runtime_error("cannot read the finished workbook");
}

}  // namespace fupin::server::documents
