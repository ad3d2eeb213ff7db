#include "server/api/department_check_handlers.hpp"

#include "common/department_check_json.hpp"
#include "common/json_fields.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {

namespace jf = common::json_fields;

department_check_handlers::department_check_handlers(service::department_check_service checks)
    : checks_(std::move(checks)) {}

api_response department_check_handlers::import_list(const api_request& request, const path_params&,
                                                    const service::principal& who, sql::connection& db) const {
    const auto type = request.content_type.substr(0, request.content_type.find(';'));
    if (type != "text/csv")
        throw common::api_error(415, "unsupported_media_type", "名单文件须以 CSV 上传(Content-Type: text/csv)",
                                "the list is sent as CSV (Content-Type: text/csv)");
    service::department_list_upload upload;
    upload.kind = query_text(request, "kind");
    upload.year = required_query_year(request);
    upload.source = query_text(request, "source");
    upload.file_name = query_text(request, "file_name");
    upload.bytes = request.body;
    return json_response(201, common::to_json(checks_.import_list(db, who, upload)));
}

api_response department_check_handlers::lists(const api_request&, const path_params&, const service::principal& who,
                                              sql::connection& db) const {
    return json_response(200, items_json(checks_.lists(db, who)));
}

api_response department_check_handlers::flags(const api_request& request, const path_params&,
                                              const service::principal& who, sql::connection& db) const {
    const auto state = query_text(request, "state");
    if (!state.empty() && state != "open" && state != "all")
        throw common::api_error(400, "invalid_parameter", "state 应为 open 或 all", "state must be open or all",
                                "state");
    const int page_size = query_int(request, "page_size", 200, 1, 500);
    const auto found = checks_.flags(db, who, query_text(request, "area"), state != "all",
                                     query_int(request, "list_id", 0, 0, 2'000'000'000),
                                     query_int(request, "after", 0, 0, 2'000'000'000), page_size);
    auto body = items_json(found);
    body["next_after"] =
        static_cast<int>(found.size()) == page_size ? nlohmann::json(found.back().id) : nlohmann::json(nullptr);
    return json_response(200, body);
}

api_response department_check_handlers::household_flags(const api_request&, const path_params& params,
                                                        const service::principal& who, sql::connection& db) const {
    return json_response(200, items_json(checks_.flags_of_household(db, who, parse_id(params.at("id")))));
}

api_response department_check_handlers::clear(const api_request& request, const path_params& params,
                                              const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"reason"});
    const auto reason = jf::string_at(required_field(body, "reason"), "reason");
    return json_response(200, common::to_json(checks_.clear(db, who, parse_id(params.at("id")), reason)));
}

}  // namespace fupin::server::api
