#include "common/archive_table_reader.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "common/csv_reader.hpp"
#include "common/household_validation.hpp"

namespace fupin::common {
namespace {

// The columns without which a row names no one.
constexpr const char* required_headers[] = {"户编号", "组代码", "姓名", "身份证号", "与户主关系"};

// The year 建档立卡 began.
constexpr int first_registration_year = 2013;

// A cell as an import reads it: trimmed, without what the export put in front of it for spreadsheets (a tab
// before long digit strings, an apostrophe before text a spreadsheet would take for a formula).
std::string cell_text(const std::string& raw) {
    std::string text = trimmed_field(raw);
    if (text.size() > 1 && text.front() == '\'' && std::string_view("=+-@").find(text[1]) != std::string_view::npos)
        text.erase(0, 1);
    return text;
}

// The column that validation's `field` names, and which of the file's rows it is on: a member's field is on
// that member's row, the household's on the file's first row.
std::pair<int, std::string> place_of(const archive_import_file& f, const std::string& field) {
    if (field.starts_with("members[")) {
        const auto close = field.find(']');
        const std::size_t i = close == std::string::npos ? 0 : std::stoul(field.substr(8, close - 8));
        const int row = i < f.rows.size() ? f.rows[i] : f.first_row;
        const std::string rest = close + 2 <= field.size() ? field.substr(close + 2) : "";
        for (const auto& c : archive_columns())
            if (c.level == column_level::member && *c.field && rest == c.field) return {row, c.zh};
        return {row, ""};
    }
    // The township and village codes come from the group's.
    if (field == "township_code" || field == "village_code") return {f.first_row, "组代码"};
    for (const auto& c : archive_columns()) {
        if (c.level != column_level::household || !*c.field) continue;
        const std::string_view name = c.field;
        if (field == name || (field.starts_with(name) && (field[name.size()] == '[' || field[name.size()] == '.')))
            return {f.first_row, c.zh};
    }
    return {f.first_row, ""};
}

}  // namespace

archive_import_problem problem_at(const archive_import_file& f, const std::string& field, std::string zh,
                                  std::string en) {
    auto [row, column] = place_of(f, field);
    return {row, std::move(column), std::move(zh), std::move(en)};
}

void check_import_file(archive_import_file& f, std::chrono::year_month_day today, archive_import_problems& out) {
    derive(f.file);
    for (const auto& e : find_problems(f.file, today))
        out.add(problem_at(f, e.field(), e.message(language::zh), e.message(language::en)));
    check_import_rules(f, static_cast<int>(today.year()), f.first_row, out);
}

void archive_import_problems::add(archive_import_problem p) {
    ++count;
    if (named.size() < archive_import_problems_named) named.push_back(std::move(p));
}

void check_import_rules(const archive_household& record, int this_year, int row, archive_import_problems& out) {
    const household& h = record.file;
    if (!record.helpers.empty()) {
        if (record.helpers.size() > 2)
            out.add({row, "帮扶责任人", "至多两名帮扶责任人（二帮一）", "at most two helpers"});
        for (const auto& helper : record.helpers)
            if (helper.name.empty()) {
                out.add({row, "帮扶责任人", "帮扶责任人的姓名与电话应一一对应", "each helper's phone needs his name"});
                break;
            }
        if (h.status == "pending" || h.status.empty())
            out.add({row, "帮扶责任人", "待识别的户还没有帮扶责任人", "a household pending identification has no helper"});
    }
    const bool registered = h.status == "registered" || h.status == "exited";
    auto in_range = [&](const std::optional<int>& year, int from) { return year && *year >= from && *year <= this_year; };
    if (registered && !in_range(h.registered_year, first_registration_year))
        out.add({row, "建档年度",
                 "已建档立卡或已退出的户应填建档年度（" + std::to_string(first_registration_year) + "至" +
                     std::to_string(this_year) + "年）",
                 "a registered or exited household needs its registration year (" +
                     std::to_string(first_registration_year) + " to " + std::to_string(this_year) + ")"});
    if (!registered && h.registered_year)
        out.add({row, "建档年度", "待识别的户不应有建档年度", "a household pending identification has no registration year"});
    if (h.status == "exited") {
        const int from = h.registered_year.value_or(first_registration_year);
        if (!in_range(h.exit_year, from))
            out.add({row, "脱贫年度",
                     "已退出的户应填脱贫年度（建档年度至" + std::to_string(this_year) + "年）",
                     "an exited household needs its exit year (from its registration year to " +
                         std::to_string(this_year) + ")"});
    } else if (h.exit_year) {
        out.add({row, "脱贫年度", "未退出的户不应有脱贫年度", "only an exited household has an exit year"});
    }
}

archive_table_reader::archive_table_reader(const std::vector<std::string>& header, int header_row) {
    std::vector<const archive_column*> seen;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string name = cell_text(header[i]);
        const archive_column* c = archive_column_named(name);
        blank_header_.push_back(name.empty());
        if (name.empty()) {
            columns_.push_back(nullptr);
            continue;
        }
        if (!c) {
            problems_.add({header_row, name, "表头中的「" + name + "」不是模板中的列",
                           "'" + name + "' in the header is not a column of the template"});
        } else if (std::find(seen.begin(), seen.end(), c) != seen.end()) {
            problems_.add({header_row, c->zh, "表头中「" + name + "」列重复", "the column '" + name + "' appears twice"});
            c = nullptr;
        } else {
            seen.push_back(c);
            if (std::string_view(c->zh) == "户编号") number_at_ = i;
        }
        columns_.push_back(c);
    }
    for (const char* required : required_headers)
        if (std::none_of(seen.begin(), seen.end(), [&](const archive_column* c) { return c->zh == std::string_view(required); }))
            problems_.add({header_row, required, std::string("表头缺少「") + required + "」列",
                           std::string("the header lacks the column '") + required + "'"});
}

void archive_table_reader::add_row(int row, const std::vector<std::string>& cells) {
    if (!number_at_) return;  // the header lacks the file number: already a problem
    std::vector<std::string> texts;
    texts.reserve(columns_.size());
    bool any = false;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        texts.push_back(i < cells.size() ? cell_text(cells[i]) : std::string());
        any = any || !texts.back().empty();
    }
    // Something under no header (an empty header cell, or past the header's end) would be lost without a word.
    for (std::size_t i = 0; i < cells.size(); ++i)
        if ((i >= columns_.size() || blank_header_[i]) && !cell_text(cells[i]).empty()) {
            problems_.add({row, "", "第" + std::to_string(i + 1) + "列没有表头", "column " + std::to_string(i + 1) + " has no header"});
            break;
        }
    if (!any) return;
    ++rows_;
    const std::string& number = texts[*number_at_];
    if (number.empty()) {
        problems_.add({row, "户编号", "户编号不能为空：同一户的各行以它归为一户",
                       "the file number is required: it groups a household's rows"});
        return;
    }
    auto [it, is_new] = file_of_number_.try_emplace(number, files_.size());
    if (is_new) {
        auto& f = files_.emplace_back();
        f.first_row = row;
        f.file.status = "pending";
        household_cells_.emplace_back(columns_.size());
    }
    auto& f = files_[it->second];
    auto& kept = household_cells_[it->second];
    f.rows.push_back(row);
    member& m = f.file.members.emplace_back();
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        const archive_column* c = columns_[i];
        if (!c || !c->write) continue;
        if (c->level == column_level::household) {
            if (!is_new) {
                // Said once per household and column: the first row that differs.
                if (texts[i] != kept[i] && disagreements_.insert({it->second, i}).second)
                    problems_.add({row, c->zh,
                                   "同一户（户编号 " + number + "）的各行此列应相同：第" + std::to_string(f.first_row) +
                                       "行为「" + kept[i] + "」，此行为「" + texts[i] + "」",
                                   "the rows of one household (file number " + number + ") must agree here: row " +
                                       std::to_string(f.first_row) + " has '" + kept[i] + "', this row '" + texts[i] + "'"});
                continue;
            }
            kept[i] = texts[i];
        }
        if (auto p = c->write(f, m, texts[i])) problems_.add({row, c->zh, std::move(p->zh), std::move(p->en)});
    }
}

archive_table_reader::result archive_table_reader::finish(std::chrono::year_month_day today) {
    result out;
    out.rows = rows_;
    std::unordered_map<std::string, std::pair<int, std::size_t>> row_of_person;  // row and file
    // A cell the reader could not read has its problem already: validation's (the field empty) would repeat it.
    std::set<std::pair<int, std::string>> unread;
    for (const auto& p : problems_.named) unread.insert({p.row, p.column});
    for (std::size_t k = 0; k < files_.size(); ++k) {
        auto& f = files_[k];
        archive_import_problems found;
        check_import_file(f, today, found);
        for (auto& p : found.named)
            if (!unread.contains({p.row, p.column})) problems_.add(std::move(p));
        for (std::size_t i = 0; i < f.file.members.size(); ++i) {
            const auto& id = f.file.members[i].id_number;
            if (id.empty()) continue;
            ++out.people;
            const auto [at, first] = row_of_person.try_emplace(id, f.rows[i], k);  // derived: a trailing x upper-cased
            // Twice in one file is validation's problem, already said.
            if (!first && at->second.second != k)
                problems_.add({f.rows[i], "身份证号",
                               "与第" + std::to_string(at->second.first) + "行是同一人：一人只能在一户",
                               "the same person as on row " + std::to_string(at->second.first) +
                                   ": a person is in one household only"});
        }
    }
    std::stable_sort(problems_.named.begin(), problems_.named.end(),
                     [](const auto& a, const auto& b) { return a.row < b.row; });
    out.files = std::move(files_);
    out.problems = std::move(problems_);
    files_.clear();
    return out;
}

}  // namespace fupin::common
