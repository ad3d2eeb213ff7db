#include "server/documents/register_pdf.hpp"

#include <fmt/format.h>

#include "common/display_text.hpp"

namespace fupin::server::documents {

using common::in;

namespace {

constexpr double table_font = 8;

std::vector<table_column> register_columns(common::language lang) {
    const auto titles = register_titles(lang);
    const double weights[]{0.45, 0.6, 0.75, 1.75, 0.45, 3.0, 0.85, 0.85, 0.95, 0.8, 1.0};
    std::vector<table_column> columns;
    for (std::size_t i = 0; i < titles.size(); ++i) {
        const bool number = i == 0 || i == 4 || i == 8;
        columns.push_back({titles[i], weights[i], number ? text_align::right : text_align::left});
    }
    return columns;
}

}  // namespace

register_pdf::register_pdf(sink out, page_frame frame, const common::area& area, common::language lang)
    : doc_(std::move(out), std::move(frame), page_orientation::landscape), area_(area), lang_(lang) {
    doc_.paragraph(register_title(area_, lang_), {15, true, text_align::center}, 8);
}

void register_pdf::begin_village(const common::area& village) {
    if (area_.level == "township") {
        if (!villages_.empty()) doc_.new_page();
        doc_.paragraph(village.name + (village.poor_village ? in(lang_, "（贫困村）", " (poor village)") : ""),
                       {12, true, text_align::left}, 4);
    }
    village_ = register_totals{};
    village_.area_name = village.name;
    table_ = std::make_unique<pdf_table>(doc_, register_columns(lang_), table_font);
}

void register_pdf::add(const common::household& h, const std::vector<std::string>& helpers) {
    village_.add(h);
    const auto line = register_line_of(h, village_.households, helpers, lang_);
    table_->add_row({std::to_string(line.position), line.group, line.head_name, line.head_id_number,
                     std::to_string(line.size), common::or_dash(line.members), line.poverty_type, line.main_cause,
                     common::format_amount(line.per_capita_net_income), line.status, common::or_dash(line.helpers)});
}

void register_pdf::totals_row(pdf_table& table, const register_totals& totals, const std::string& label) {
    table.add_row({"", label, fmt::format(fmt::runtime(in(lang_, "{} 户", "{} households")), totals.households), "",
                   std::to_string(totals.people), "", "", in(lang_, "人均", "per capita"),
                   common::format_amount(totals.per_capita()), "", ""},
                  true);
    // The statuses under the table, where the breakdown has the page's width.
    doc_.advance(3);
    doc_.paragraph(in(lang_, "其中：", "Of which: ") + totals.status_text(lang_), {9, false, text_align::left}, 4);
}

void register_pdf::end_village() {
    totals_row(*table_, village_, in(lang_, "合计", "Total"));
    table_.reset();
    villages_.push_back(village_);
}

void register_pdf::finish() {
    if (area_.level == "township") {
        doc_.new_page();
        doc_.paragraph(in(lang_, "汇总", "Summary"), {12, true, text_align::left}, 4);
        pdf_table summary(doc_,
                          {{in(lang_, "村", "Village"), 2},
                           {in(lang_, "户数", "Households"), 1, text_align::right},
                           {in(lang_, "人口", "People"), 1, text_align::right},
                           {in(lang_, "人均纯收入（元）", "Per capita (yuan)"), 1.3, text_align::right},
                           {in(lang_, "档案状态", "Status"), 2.5}},
                          table_font + 1);
        register_totals all;
        for (const auto& v : villages_) {
            summary.add_row({v.area_name, std::to_string(v.households), std::to_string(v.people),
                             common::format_amount(v.per_capita()), v.status_text(lang_)});
            all.add(v);
        }
        summary.add_row({in(lang_, "合计", "Total"), std::to_string(all.households), std::to_string(all.people),
                         common::format_amount(all.per_capita()), all.status_text(lang_)},
                        true);
    }
    doc_.finish();
}

}  // namespace fupin::server::documents
