#include "server/service/document_service.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/area.hpp"
#include "common/display_text.hpp"
#include "common/posting_title.hpp"
#include "server/documents/archive_csv.hpp"
#include "server/documents/archive_template.hpp"
#include "server/documents/archive_xlsx.hpp"
#include "server/documents/household_card.hpp"
#include "server/documents/pdf_document.hpp"
#include "server/documents/posting_sheet.hpp"
#include "server/documents/register_pdf.hpp"
#include "server/documents/register_xlsx.hpp"
#include "server/documents/statistics_chart.hpp"
#include "server/documents/statistics_xlsx.hpp"
#include "server/documents/supervision_ranking.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/household_access.hpp"
#include "server/service/household_checks.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/measure_repository.hpp"
#include "server/storage/pairing_repository.hpp"
#include "server/sql/transaction.hpp"

namespace fupin::server::service {
namespace {

using common::in;
using common::language;

constexpr const char* pdf_type = "application/pdf";
constexpr const char* xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// Households read from the database at a time while a register is written: a book of any size is held one
// batch at a time, beside the document itself.
constexpr int register_batch = 200;

constexpr const char* csv_type = "text/csv; charset=utf-8";

const char* extension_of(document_format f) {
    switch (f) {
    case document_format::pdf: return "pdf";
    case document_format::xlsx: return "xlsx";
    case document_format::csv: return "csv";
    case document_format::png: return "png";
    case document_format::svg: return "svg";
    }
    return "bin";
}
const char* format_name(document_format f) { return extension_of(f); }
const char* type_of(document_format f) {
    switch (f) {
    case document_format::pdf: return pdf_type;
    case document_format::xlsx: return xlsx_type;
    case document_format::csv: return csv_type;
    case document_format::png: return "image/png";
    case document_format::svg: return "image/svg+xml";
    }
    return "application/octet-stream";
}

// The county's name, for the head of every page: the first six digits of any code are its county's.
std::string county_name(sql::connection& db, const std::string& code) {
    const auto county = storage::area_repository(db).find(code.substr(0, 6));
    return county ? county->name : code.substr(0, 6);
}

documents::page_frame frame_of(std::string county, std::string title, const principal& who, std::int64_t now,
                               language lang) {
    const std::string by = who.display_name.empty() ? who.username : who.display_name;
    return {std::move(county), std::move(title),
            fmt::format(fmt::runtime(in(lang, "打印：{}　{}", "Printed by {} at {}")), by, common::format_beijing_time(now)),
            in(lang, "第 {} 页", "Page {}")};
}

}  // namespace

document_service::document_service(clock now) : now_(std::move(now)) {}

printed_document document_service::household_card(sql::connection& db, const principal& who, std::int64_t household_id,
                                                   language lang, const document_sink& out) const {
    const auto now = now_();
    documents::household_card card;
    std::string county;
    run_in_transaction(db, sql::tx_mode::read, [&] {
        auto found = storage::household_repository(db).find(household_id);
        if (!found) throw household_checks::not_found();
        require_over_household(db, who, permission::read_households, household_id, found->village_code);
        card.household = std::move(*found);
        card.helpers = storage::pairing_repository(db).current_of_household(household_id);
        card.measures = storage::measure_repository(db).of_household(household_id, 0);
        std::stable_sort(card.measures.begin(), card.measures.end(),
                         [](const auto& a, const auto& b) { return a.plan_year > b.plan_year; });
        county = county_name(db, card.household.township_code);
    });

    documents::pdf_document doc(out, frame_of(county, documents::household_card_title(lang), who, now, lang));
    documents::draw_household_card(doc, card, lang);
    doc.finish();
    record_printed(db, who, storage::household_repository::record_of(household_id).text(), "household_card",
                   document_format::pdf, 1);
    return {pdf_type, fmt::format("household-card-{}.pdf", household_id)};
}

printed_document document_service::area_register(sql::connection& db, const principal& who,
                                                  const std::string& area_code, document_format format,
                                                  language lang, const document_sink& out) const {
    const auto level = common::area_level_of_code(area_code);
    if (level != "village" && level != "township")
        throw common::api_error::invalid_field("area", "invalid_value", "应为乡镇或村的区划代码",
                                               "area must be a township or a village");
    access_policy::require(who, permission::read_households, area_code);
    const auto now = now_();
    const bool book = level == "township";
    int households = 0;
    bool started = false;
    // One attempt, not run_in_transaction's retries: what went to `out` cannot be taken back. A read transaction
    // takes no locks a writer waits for, so it seldom has a race to lose.
    sql::transaction tx(db, sql::tx_mode::read);
    {
        storage::area_repository areas(db);
        const auto area = areas.find(area_code);
        if (!area) throw common::api_error::not_found("该区划", "that area");
        std::vector<common::area> villages;
        if (book) {
            for (auto& child : areas.children(area_code))
                if (child.level == "village") villages.push_back(std::move(child));
        } else {
            villages.push_back(*area);
        }
        const std::string county = county_name(db, area_code);
        std::unique_ptr<documents::register_writer> writer;
        if (format == document_format::pdf)
            writer = std::make_unique<documents::register_pdf>(
                out, frame_of(county, documents::register_title(*area, lang), who, now, lang), *area, lang);
        else
            writer = std::make_unique<documents::register_xlsx>(out, *area, lang, county,
                                                                frame_of(county, "", who, now, lang).printed_at);

        households = for_each_household(
            db, villages, [&](const common::area& village) {
                if (started) writer->end_village();
                started = true;
                writer->begin_village(village);
            },
            [&](const common::archive_household& h) {
                std::vector<std::string> names;
                for (const auto& helper : h.helpers) names.push_back(helper.name);
                writer->add(h.file, names);
            });
        if (started) writer->end_village();
        writer->finish();
    }
    tx.commit();
    record_printed(db, who, "area/" + area_code, book ? "township_book" : "village_register", format, households);
    return {type_of(format),
            fmt::format("{}-{}.{}", book ? "township-book" : "village-register", area_code, extension_of(format))};
}

printed_document document_service::posting(sql::connection& db, const principal& who, const common::posting& p,
                                           language lang, const document_sink& out) const {
    const auto now = now_();
    const std::string county = run_in_transaction(db, sql::tx_mode::read, [&] { return county_name(db, p.area_code); });
    documents::pdf_document doc(out, frame_of(county, common::posting_title(p, lang), who, now, lang));
    documents::draw_posting(doc, p, lang);
    doc.finish();
    record_printed(db, who, "posting/" + std::to_string(p.id), "posting", document_format::pdf,
                   static_cast<int>(p.entries.size()));
    return {pdf_type, fmt::format("posting-{}.pdf", p.id)};
}

int document_service::for_each_household(
    sql::connection& db, const std::vector<common::area>& villages, const std::function<void(const common::area&)>& begin,
    const std::function<void(const common::archive_household&)>& add) {
    storage::household_repository files(db);
    storage::pairing_repository pairings(db);
    int households = 0;
    for (const auto& village : villages) {
        std::map<std::int64_t, std::vector<common::archive_helper>> helpers;
        for (const auto& p : pairings.current_in_village(village.code))
            helpers[p.household_id].push_back({p.helper_name, p.helper_phone});
        begin(village);
        std::string after_group;
        std::int64_t after_id = 0;
        for (;;) {
            const auto batch = files.in_register_order(village.code, after_group, after_id, register_batch);
            for (const auto& h : batch) {
                const auto it = helpers.find(h.id);
                add({h, it == helpers.end() ? std::vector<common::archive_helper>{} : it->second});
            }
            households += static_cast<int>(batch.size());
            if (batch.size() < static_cast<std::size_t>(register_batch)) break;
            after_group = batch.back().group_code;
            after_id = batch.back().id;
        }
    }
    return households;
}

printed_document document_service::archive_export(sql::connection& db, const principal& who,
                                                  const std::string& area_code, document_format format,
                                                  language lang, const document_sink& out) const {
    const auto level = common::area_level_of_code(area_code);
    if (level != "county" && level != "township" && level != "village")
        throw common::api_error::invalid_field("area", "invalid_value", "应为县、乡镇或村的区划代码",
                                               "area must be the county, a township or a village");
    if (format == document_format::pdf)
        throw common::api_error::invalid_field("format", "invalid_value", "格式应为 xlsx 或 csv",
                                               "format must be xlsx or csv");
    access_policy::require(who, permission::read_households, area_code);
    const auto now = now_();
    int households = 0;
    // One attempt, as a register's (what went to `out` cannot be taken back).
    sql::transaction tx(db, sql::tx_mode::read);
    {
        storage::area_repository areas(db);
        const auto area = areas.find(area_code);
        if (!area) throw common::api_error::not_found("该区划", "that area");
        // The villages of the area, township by township, in code order.
        std::vector<common::area> villages;
        std::vector<common::area> pending{*area};
        while (!pending.empty()) {
            auto next = std::move(pending.front());
            pending.erase(pending.begin());
            if (next.level == "village") {
                villages.push_back(std::move(next));
                continue;
            }
            auto children = areas.children(next.code);
            std::erase_if(children, [](const common::area& a) { return a.level == "group"; });
            pending.insert(pending.begin(), children.begin(), children.end());
        }
        const std::string county = county_name(db, area_code);
        const std::string title = fmt::format(fmt::runtime(in(lang, "{}扶贫对象档案", "{}: the poverty-alleviation archive")),
                                              area->name);
        std::unique_ptr<documents::archive_table> table;
        if (format == document_format::csv)
            table = std::make_unique<documents::archive_csv>(out, lang);
        else
            table = std::make_unique<documents::archive_xlsx>(out, lang, title, county,
                                                              frame_of(county, "", who, now, lang).printed_at);
        households = for_each_household(
            db, villages, [](const common::area&) {},
            [&](const common::archive_household& h) { table->add(h); });
        table->finish();
    }
    tx.commit();
    record_printed(db, who, "area/" + area_code, "archive", format, households, "document.export");
    return {type_of(format), fmt::format("archive-{}.{}", area_code, extension_of(format))};
}

printed_document document_service::import_template(sql::connection& db, const principal& who,
                                                   document_format format, language lang,
                                                   const document_sink& out) const {
    if (format != document_format::xlsx && format != document_format::csv)
        throw common::api_error::invalid_field("format", "invalid_value", "格式应为 xlsx 或 csv",
                                               "format must be xlsx or csv");
    access_policy::require(who, permission::import_archive);
    if (format == document_format::csv) {
        documents::write_import_template_csv(out, lang);
    } else {
        const std::string county =
            run_in_transaction(db, sql::tx_mode::read, [&] { return county_name(db, who.area_code); });
        documents::write_import_template_xlsx(out, lang, county, frame_of(county, "", who, now_(), lang).printed_at);
    }
    return {type_of(format), fmt::format("archive-import-template.{}", extension_of(format))};
}

printed_document document_service::statistics_workbook(sql::connection& db, const principal& who,
                                                       const common::statistics_report& r, language lang,
                                                       const document_sink& out) const {
    const auto now = now_();
    const std::string county = run_in_transaction(db, sql::tx_mode::read, [&] { return county_name(db, r.area_code); });
    documents::write_statistics_xlsx(r, lang, county, frame_of(county, "", who, now, lang).printed_at, out);
    record_printed(db, who, "area/" + r.area_code, "statistics", document_format::xlsx,
                   r.areas.empty() ? 0 : static_cast<int>(r.areas.front().all.households), "document.export");
    return {xlsx_type, fmt::format("statistics-{}-{}.xlsx", r.area_code, r.year)};
}

printed_document document_service::statistics_chart_picture(sql::connection& db, const principal& who,
                                                            const common::statistics_report& r, statistics_chart kind,
                                                            document_format format, language lang,
                                                            const document_sink& out) const {
    if (format != document_format::png && format != document_format::svg)
        throw common::api_error::invalid_field("format", "invalid_value", "格式应为 png 或 svg", "format must be png or svg");
    documents::draw_statistics_chart(r, kind == statistics_chart::areas ? documents::chart_kind::areas
                                                                        : documents::chart_kind::causes,
                                     format == document_format::png ? documents::chart_format::png
                                                                    : documents::chart_format::svg,
                                     lang, out);
    const char* name = kind == statistics_chart::areas ? "chart_areas" : "chart_causes";
    record_printed(db, who, "area/" + r.area_code, name, format,
                   r.areas.empty() ? 0 : static_cast<int>(r.areas.front().all.households), "document.export");
    return {type_of(format), fmt::format("{}-{}-{}.{}", kind == statistics_chart::areas ? "chart-areas" : "chart-causes",
                                         r.area_code, r.year, extension_of(format))};
}

printed_document document_service::supervision_ranking(sql::connection& db, const principal& who,
                                                       const common::supervision_ranking& r, document_format format,
                                                       language lang, const document_sink& out) const {
    if (format != document_format::pdf && format != document_format::xlsx)
        throw common::api_error::invalid_field("format", "invalid_value", "格式应为 json、xlsx 或 pdf",
                                               "format must be json, xlsx or pdf");
    const auto now = now_();
    const std::string county = run_in_transaction(db, sql::tx_mode::read, [&] { return county_name(db, who.area_code); });
    const auto frame = frame_of(county, documents::supervision_ranking_title(r, county, lang), who, now, lang);
    if (format == document_format::xlsx) {
        documents::write_supervision_ranking_xlsx(r, county, frame.printed_at, lang, out);
    } else {
        documents::pdf_document doc(out, frame);
        documents::draw_supervision_ranking(doc, r, county, lang);
        doc.finish();
    }
    record_printed(db, who, "supervision/" + std::to_string(r.year), "supervision_ranking", format, 0,
                   "document.export");
    return {type_of(format), fmt::format("supervision-ranking-{}.{}", r.year, extension_of(format))};
}

void document_service::record_printed(sql::connection& db, const principal& who, const std::string& record,
                                      const std::string& document, document_format format, int households,
                                      const char* action) const {
    audit_trail::record_in_own_transaction(db, audit_actor::of(who), action, record, "ok",
                                           {{"document", document}, {"format", format_name(format)},
                                            {"households", households}},
                                           now_());
}

}  // namespace fupin::server::service
