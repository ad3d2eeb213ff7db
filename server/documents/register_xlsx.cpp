#include "server/documents/register_xlsx.hpp"

#include <fmt/format.h>

namespace fupin::server::documents {

using common::in;

namespace {

const std::vector<double> register_widths{6, 10, 10, 21, 6, 40, 12, 14, 14, 10, 16};

}  // namespace

register_xlsx::register_xlsx(sink out, const common::area& area, common::language lang,
                             const std::string& county_name, const std::string& printed_at)
    : out_(std::move(out)), area_(area), lang_(lang), book_(register_title(area, lang), county_name, printed_at) {
    if (area_.level == "township") {
        summary_ = book_.add_sheet(in(lang_, "汇总", "Summary"));
        summary_->set_columns({16, 10, 10, 16, 30});  // before any row: the sheet streams its rows
    }
}

void register_xlsx::begin_village(const common::area& village) {
    village_ = register_totals{};
    village_.area_name = village.name;
    sheet_ = book_.add_sheet(village.name);
    sheet_->set_columns(register_widths);
    common::area titled = area_;
    if (area_.level == "township") titled = village;
    sheet_->text(0, register_title(titled, lang_), cell_kind::title);
    sheet_->next_row();
    sheet_->header(register_titles(lang_));
}

void register_xlsx::add(const common::household& h, const std::vector<std::string>& helpers) {
    village_.add(h);
    const auto line = register_line_of(h, village_.households, helpers, lang_);
    auto& s = *sheet_;
    s.count(0, line.position);
    s.text(1, line.group);
    s.text(2, line.head_name);
    s.text(3, line.head_id_number);
    s.count(4, line.size);
    s.text(5, line.members, cell_kind::wrapped_text);
    s.text(6, line.poverty_type);
    s.text(7, line.main_cause);
    s.amount(8, line.per_capita_net_income);
    s.text(9, line.status);
    s.text(10, line.helpers, cell_kind::wrapped_text);
    s.next_row();
}

void register_xlsx::totals_row(xlsx_workbook::sheet& s, const register_totals& totals, const std::string& label) {
    s.text(0, label, cell_kind::heading);
    s.count(1, totals.households);
    s.count(2, totals.people);
    s.amount(3, totals.per_capita());
    s.text(4, totals.status_text(lang_));
    s.next_row();
}

void register_xlsx::end_village() {
    auto& s = *sheet_;
    // The foot: households, people and per-capita income under their own columns.
    s.text(0, in(lang_, "合计", "Total"), cell_kind::heading);
    s.text(2, fmt::format(fmt::runtime(in(lang_, "{} 户", "{} households")), village_.households));
    s.count(4, village_.people);
    s.text(7, in(lang_, "人均", "per capita"));
    s.amount(8, village_.per_capita());
    s.text(9, village_.status_text(lang_), cell_kind::wrapped_text);
    s.next_row();
    villages_.push_back(village_);
    sheet_.reset();
}

void register_xlsx::finish() {
    if (summary_) {
        auto& s = *summary_;
        s.text(0, register_title(area_, lang_), cell_kind::title);
        s.next_row();
        s.header({in(lang_, "村", "Village"), in(lang_, "户数", "Households"), in(lang_, "人口", "People"),
                  in(lang_, "人均纯收入（元）", "Per capita (yuan)"), in(lang_, "档案状态", "Status")});
        register_totals all;
        for (const auto& v : villages_) {
            s.text(0, v.area_name);
            s.count(1, v.households);
            s.count(2, v.people);
            s.amount(3, v.per_capita());
            s.text(4, v.status_text(lang_));
            s.next_row();
            all.add(v);
        }
        totals_row(s, all, in(lang_, "合计", "Total"));
    }
    book_.finish(out_);
}

}  // namespace fupin::server::documents
