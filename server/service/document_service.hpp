#pragma once
// The archive's printed documents, made by the server so every office prints the same paper: the household's
// card (户卡), a village's register (村册) and a township's book (乡镇簿), and a posting for the notice board
// (公示榜). Access is that of the data inside; every document handed out is an audit entry, since a printed
// file leaves the system (docs/documents.md).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include <vector>

#include "common/area.hpp"
#include "common/archive_columns.hpp"
#include "common/household.hpp"
#include "common/language.hpp"
#include "common/procedure.hpp"
#include "common/statistics.hpp"
#include "common/supervision.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

enum class document_format { pdf, xlsx, csv, png, svg };
enum class statistics_chart { areas, causes };

// What a document is, for the answer that carries it; its bytes went to the caller's sink.
struct printed_document {
    std::string content_type;
    std::string file_name;  // ASCII, for the Content-Disposition header: "household-card-348.pdf"
};

// Takes the document's bytes in order as they are made (the handler's spooled file); may throw, and the
// document then fails whole, with no audit entry.
using document_sink = std::function<void(std::string_view bytes)>;

class document_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit document_service(clock now);

    printed_document household_card(sql::connection& db, const principal& who, std::int64_t household_id,
                                    common::language lang, const document_sink& out) const;
    // A village's register (12-digit code) or a township's book (9 digits), every file of it whatever its status.
    printed_document area_register(sql::connection& db, const principal& who, const std::string& area_code,
                                   document_format format, common::language lang, const document_sink& out) const;
    // The archive of the county, a township or a village as one table in the national form's columns
    // (common/archive_columns.hpp): every file of it whatever its status, one row per member. XLSX or CSV.
    printed_document archive_export(sql::connection& db, const principal& who, const std::string& area_code,
                                    document_format format, common::language lang, const document_sink& out) const;
    // The template of an archive import (docs/imports.md): the export's columns without rows, XLSX (with a sheet
    // that says what each column takes) or CSV. For whoever may import an archive; nothing of the archive in it,
    // so not audited.
    printed_document import_template(sql::connection& db, const principal& who, document_format format,
                                     common::language lang, const document_sink& out) const;
    // Figures the caller has read through statistics_service::report (which holds their access rule), as a
    // workbook, or as a chart (PNG or SVG).
    printed_document statistics_workbook(sql::connection& db, const principal& who, const common::statistics_report& r,
                                         common::language lang, const document_sink& out) const;
    printed_document statistics_chart_picture(sql::connection& db, const principal& who,
                                              const common::statistics_report& r, statistics_chart kind,
                                              document_format format, common::language lang,
                                              const document_sink& out) const;
    // A ranking the caller has read through supervision_service::ranking (which holds its access rule), as the
    // leading group's circular (PDF) or its figures (XLSX).
    printed_document supervision_ranking(sql::connection& db, const principal& who,
                                         const common::supervision_ranking& r, document_format format,
                                         common::language lang, const document_sink& out) const;
    // A posting the caller has read through posting_service::get (which holds its access rule).
    printed_document posting(sql::connection& db, const principal& who, const common::posting& p,
                             common::language lang, const document_sink& out) const;

private:
    // The audit entry of a document handed out, in a write transaction of its own once it is made (the reads
    // run in a read transaction: a long book never holds the writers up).
    void record_printed(sql::connection& db, const principal& who, const std::string& record,
                        const std::string& document, document_format format, int households,
                        const char* action = "document.print") const;
    // Every household of the villages in the register's order with its helpers now, a batch at a time, inside
    // the caller's transaction; `begin` is told of each village first. Returns how many.
    static int for_each_household(sql::connection& db, const std::vector<common::area>& villages,
                                  const std::function<void(const common::area&)>& begin,
                                  const std::function<void(const common::archive_household&)>& add);

    clock now_;
};

}  // namespace fupin::server::service
