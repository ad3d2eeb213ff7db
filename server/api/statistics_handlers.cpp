#include "server/api/statistics_handlers.hpp"

#include "common/api_error.hpp"
#include "common/statistics_json.hpp"
#include "server/api/file_response.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {
namespace {

[[noreturn]] void bad_choice(const char* field, const char* zh, const char* en) {
    throw common::api_error::invalid_field(field, "invalid_value", zh, en);
}

}  // namespace

statistics_handlers::statistics_handlers(service::statistics_service statistics, service::document_service documents)
    : statistics_(std::move(statistics)), documents_(std::move(documents)) {}

common::statistics_report statistics_handlers::read(const api_request& request, const service::principal& who,
                                                    sql::connection& db) const {
    return statistics_.report(db, who, query_text(request, "area"), required_query_year(request));
}

api_response statistics_handlers::report(const api_request& request, const path_params&, const service::principal& who,
                                         sql::connection& db) const {
    const auto format = query_text(request, "format");
    if (!format.empty() && format != "json" && format != "xlsx")
        bad_choice("format", "格式应为 json 或 xlsx", "format must be json or xlsx");
    const auto r = read(request, who, db);
    if (format != "xlsx") return json_response(200, common::to_json(r));
    return file_response([&](const auto& out) { return documents_.statistics_workbook(db, who, r, request.lang, out); });
}

api_response statistics_handlers::chart(const api_request& request, const path_params&, const service::principal& who,
                                        sql::connection& db) const {
    const auto kind_text = query_text(request, "kind");
    if (kind_text != "areas" && kind_text != "causes")
        bad_choice("kind", "图表应为 areas（各区域户数）或 causes（致贫原因）", "kind must be areas or causes");
    const auto format_text = query_text(request, "format");
    if (!format_text.empty() && format_text != "png" && format_text != "svg")
        bad_choice("format", "格式应为 png 或 svg", "format must be png or svg");
    const auto r = read(request, who, db);
    const auto kind = kind_text == "areas" ? service::statistics_chart::areas : service::statistics_chart::causes;
    const auto format = format_text == "svg" ? service::document_format::svg : service::document_format::png;
    return file_response([&](const auto& out) {
        return documents_.statistics_chart_picture(db, who, r, kind, format, request.lang, out);
    });
}

}  // namespace fupin::server::api
