#include "server/documents/statistics_xlsx.hpp"

#include <fmt/format.h>

#include "common/display_text.hpp"
#include "common/vocabulary.hpp"
#include "server/documents/statistics_chart.hpp"
#include "server/documents/xlsx_workbook.hpp"

namespace fupin::server::documents {
namespace {

using common::in;
using common::language;
namespace voc = common::vocabulary;

void keyed_sheet(xlsx_workbook& book, const char* name, const common::vocabulary_list& list,
                 const std::vector<common::keyed_tally>& items, const std::string& key_title, language lang) {
    auto s = book.add_sheet(name);
    s.set_columns({24, 12, 12});
    s.header({key_title, in(lang, "户数", "Households"), in(lang, "人数", "People")});
    for (const auto& k : items) {
        s.text(0, common::label_or_code(list, k.key, lang));
        s.count(1, static_cast<double>(k.count.households));
        s.count(2, static_cast<double>(k.count.people));
        s.next_row();
    }
}

void money_sheet(xlsx_workbook& book, const char* name, const common::vocabulary_list& list,
                 const std::vector<common::money_tally>& items, const std::string& key_title, language lang) {
    auto s = book.add_sheet(name);
    s.set_columns({20, 10, 10, 16, 16});
    s.header({key_title, in(lang, "措施数", "Measures"), in(lang, "户数", "Households"),
              in(lang, "计划资金（元）", "Planned (yuan)"), in(lang, "到位资金（元）", "Paid (yuan)")});
    for (const auto& m : items) {
        s.text(0, common::label_or_code(list, m.key, lang));
        s.count(1, static_cast<double>(m.measures));
        s.count(2, static_cast<double>(m.households));
        s.amount(3, m.planned);
        s.amount(4, m.paid);
        s.next_row();
    }
}

}  // namespace

std::string statistics_title(const common::statistics_report& r, language lang) {
    return fmt::format(fmt::runtime(in(lang, "{}扶贫对象统计（{}年）", "{}: poverty-alleviation figures, {}")), r.area_name,
                       r.year);
}

// Rows a chart covers (600 pixels at 20 a row), and one to spare.
constexpr int chart_rows = 31;

void write_statistics_xlsx(const common::statistics_report& r, language lang, const std::string& county_name,
                           const std::string& printed_at, const std::function<void(std::string_view)>& out) {
    xlsx_workbook book(statistics_title(r, lang), county_name, printed_at);
    {
        auto s = book.add_sheet(in(lang, "分区域", "By area"));
        std::vector<std::string> header{in(lang, "区域", "Area"), in(lang, "户数", "Households"), in(lang, "人数", "People")};
        std::vector<double> widths{16, 10, 10};
        for (const auto& entry : voc::household_statuses.entries) {
            header.push_back(fmt::format(fmt::runtime(in(lang, "{}（户）", "{} (households)")),
                                         common::label(voc::household_statuses, entry.code, lang)));
            widths.push_back(14);
        }
        header.push_back(in(lang, "已结对帮扶（户）", "With a helper (households)"));
        widths.push_back(16);
        s.set_columns(widths);
        s.text(0, statistics_title(r, lang), cell_kind::title);
        s.next_row();
        s.header(header);
        for (const auto& a : r.areas) {
            s.text(0, a.name);
            s.count(1, static_cast<double>(a.all.households));
            s.count(2, static_cast<double>(a.all.people));
            int column = 3;
            for (const auto& st : a.by_status) s.count(column++, static_cast<double>(st.count.households));
            s.count(column, static_cast<double>(a.with_helper));
            s.next_row();
        }
    }
    keyed_sheet(book, in(lang, "致贫原因", "Causes"), voc::poverty_causes, r.by_main_cause,
                in(lang, "主要致贫原因", "Main cause"), lang);
    keyed_sheet(book, in(lang, "贫困户属性", "Types"), voc::poverty_types, r.by_poverty_type,
                in(lang, "贫困户属性", "Household type"), lang);
    keyed_sheet(book, in(lang, "收入分组", "Income bands"), voc::income_bands, r.by_income_band,
                in(lang, "人均纯收入", "Per-capita income"), lang);
    keyed_sheet(book, in(lang, "户属性", "Attributes"), voc::household_attributes, r.by_attribute,
                in(lang, "属性", "Attribute"), lang);
    money_sheet(book, in(lang, "帮扶措施", "Measures"), voc::measure_categories, r.measures_by_category,
                in(lang, "措施类别", "Category"), lang);
    money_sheet(book, in(lang, "资金来源", "Funds"), voc::fund_sources, r.funds_by_source, in(lang, "资金来源", "Source"),
                lang);
    {
        // The charts the client saves, as pictures in the workbook: the areas' bars, then the causes' pie below.
        auto s = book.add_sheet(in(lang, "图表", "Charts"));
        s.text(0, statistics_title(r, lang), cell_kind::title);
        s.next_row();
        for (const auto kind : {chart_kind::areas, chart_kind::causes}) {
            std::string png;
            draw_statistics_chart(r, kind, chart_format::png, lang, [&](std::string_view b) { png.append(b); });
            s.image(0, std::move(png));
            for (int i = 0; i < chart_rows; ++i) s.next_row();
        }
    }
    book.finish(out);
}

}  // namespace fupin::server::documents
