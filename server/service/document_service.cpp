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
#include "server/documents/household_card.hpp"
#include "server/documents/pdf_document.hpp"
#include "server/documents/posting_sheet.hpp"
#include "server/documents/register_pdf.hpp"
#include "server/documents/register_xlsx.hpp"
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

const char* extension_of(document_format f) { return f == document_format::pdf ? "pdf" : "xlsx"; }
const char* format_name(document_format f) { return extension_of(f); }

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

        storage::household_repository files(db);
        storage::pairing_repository pairings(db);
        for (const auto& village : villages) {
            std::map<std::int64_t, std::vector<std::string>> helpers;
            for (const auto& p : pairings.current_in_village(village.code))
                helpers[p.household_id].push_back(p.helper_name);
            writer->begin_village(village);
            std::string after_group;
            std::int64_t after_id = 0;
            for (;;) {
                const auto batch = files.in_register_order(village.code, after_group, after_id, register_batch);
                for (const auto& h : batch) {
                    const auto it = helpers.find(h.id);
                    writer->add(h, it == helpers.end() ? std::vector<std::string>{} : it->second);
                }
                households += static_cast<int>(batch.size());
                if (batch.size() < static_cast<std::size_t>(register_batch)) break;
                after_group = batch.back().group_code;
                after_id = batch.back().id;
            }
            writer->end_village();
        }
        writer->finish();
    }
    tx.commit();
    record_printed(db, who, "area/" + area_code, book ? "township_book" : "village_register", format, households);
    return {format == document_format::pdf ? pdf_type : xlsx_type,
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

void document_service::record_printed(sql::connection& db, const principal& who, const std::string& record,
                                      const std::string& document, document_format format, int households) const {
    audit_trail::record_in_own_transaction(db, audit_actor::of(who), "document.print", record, "ok",
                                           {{"document", document}, {"format", format_name(format)},
                                            {"households", households}},
                                           now_());
}

}  // namespace fupin::server::service
