#include "server/documents/archive_template.hpp"

#include <string_view>

#include "common/archive_columns.hpp"
#include "server/documents/archive_csv.hpp"
#include "server/documents/xlsx_workbook.hpp"

namespace fupin::server::documents {
namespace {

using common::in;
using common::language;

// What a column takes, as the import reads it (common/archive_columns.cpp, common/archive_table_reader.cpp).
std::string requirement(const common::archive_column& c, language lang) {
    const std::string_view zh = c.zh;
    if (zh == "户编号")
        return in(lang, "必填。同一户的各行填同一编号（原档案的户编号，或任意编号）",
                  "required: the rows of one household carry one number (the old archive's, or any)");
    if (zh == "乡镇" || zh == "村" || zh == "组")
        return in(lang, "可不填：由组代码确定", "may be left empty: the group code decides");
    if (zh == "组代码")
        return in(lang, "必填。村民小组的15位区划代码，决定所属乡镇和村", "required: the group's 15-digit code");
    if (zh == "人均纯收入")
        return in(lang, "可不填：由各项收入和人口计算", "may be left empty: computed from the incomes");
    if (zh == "档案状态")
        return in(lang, "待识别、已建档立卡或已退出；不填为待识别", "pending, registered or exited; empty is pending");
    if (zh == "建档年度")
        return in(lang, "已建档立卡和已退出的户必填（2013年起）", "for registered and exited households (from 2013)");
    if (zh == "脱贫年度")
        return in(lang, "已退出的户必填", "for exited households");
    if (zh == "其他致贫原因")
        return in(lang, "至多两项，用顿号分隔", "at most two, separated by 、");
    switch (c.kind) {
        case common::column_kind::code: return in(lang, "从可选值中选填", "one of the values");
        case common::column_kind::money: return in(lang, "金额（元），最多两位小数", "yuan, at most two decimals");
        case common::column_kind::decimal: return in(lang, "数字，保留一位小数", "a number, one decimal");
        case common::column_kind::count: return in(lang, "整数", "a whole number");
        case common::column_kind::yes_no: return in(lang, "是 或 否；不填为否", "是 (yes) or 否 (no); empty is no");
        case common::column_kind::text: break;
    }
    return c.level == common::column_level::member ? in(lang, "每位家庭成员一行", "one row per member")
                                                   : in(lang, "同一户的各行相同", "the same on every row of a household");
}

std::string values(const common::archive_column& c, language lang) {
    if (!c.vocabulary) return {};
    std::string out;
    for (const auto& e : c.vocabulary->entries) out += (out.empty() ? "" : (lang == language::en ? ", " : "、")) + (lang == language::en ? e.en : e.zh);
    return out;
}

}  // namespace

void write_import_template_csv(const archive_table::sink& out, language lang) {
    archive_csv csv(out, lang);
    csv.finish();
}

void write_import_template_xlsx(const archive_table::sink& out, language lang, const std::string& county_name,
                                const std::string& printed_at) {
    const std::string title = in(lang, "扶贫对象档案导入模板", "Archive import template");
    xlsx_workbook book(title, county_name, printed_at);
    auto sheet = book.add_sheet(in(lang, "档案", "Archive"));
    std::vector<double> widths;
    for (const auto& c : common::archive_columns()) widths.push_back(c.kind == common::column_kind::text ? 18 : 12);
    sheet.set_columns(widths);
    sheet.header(common::archive_header(lang));

    auto notes = book.add_sheet(in(lang, "填写说明", "How to fill it in"));
    notes.set_columns({24, 50, 80});
    notes.header({in(lang, "列", "Column"), in(lang, "填写要求", "What it takes"), in(lang, "可选值", "Values")});
    for (const auto& c : common::archive_columns()) {
        notes.text(0, lang == language::en ? c.en : c.zh);
        notes.text(1, requirement(c, lang), cell_kind::wrapped_text);
        notes.text(2, values(c, lang), cell_kind::wrapped_text);
        notes.next_row();
    }
    book.finish(out);
}

}  // namespace fupin::server::documents
