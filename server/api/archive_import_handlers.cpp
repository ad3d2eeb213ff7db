#include "server/api/archive_import_handlers.hpp"

#include "common/archive_import_json.hpp"
#include "common/json_fields.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {

namespace jf = common::json_fields;

archive_import_handlers::archive_import_handlers(service::archive_import_service imports)
    : imports_(std::move(imports)) {}

api_response archive_import_handlers::open(const api_request& request, const path_params&,
                                           const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"file_name"});
    return json_response(201, common::to_json(imports_.open(db, who, jf::string_at(required_field(body, "file_name"),
                                                                                    "file_name"))));
}

api_response archive_import_handlers::get(const api_request&, const path_params& params,
                                          const service::principal& who, sql::connection& db) const {
    return json_response(200, common::to_json(imports_.get(db, who, parse_id(params.at("id")))));
}

api_response archive_import_handlers::add(const api_request& request, const path_params& params,
                                          const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"files"});
    const auto& list = required_field(body, "files");
    if (!list.is_array()) jf::wrong_type("files", "数组", "an array");
    if (list.size() > common::archive_import_batch_files)
        throw common::api_error::invalid_field("files", "too_many",
                                               "每批至多" + std::to_string(common::archive_import_batch_files) + "户",
                                               "at most " + std::to_string(common::archive_import_batch_files) +
                                                   " households per batch");
    std::vector<common::archive_import_file> files;
    for (std::size_t i = 0; i < list.size(); ++i)
        files.push_back(common::archive_import_file_from_json(list[i], jf::index("files", i)));
    const auto result = imports_.add(db, who, parse_id(params.at("id")), std::move(files));
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : result.problems) problems.push_back(common::to_json(p));
    return json_response(200, {{"import", common::to_json(result.import)},
                               {"staged", result.staged},
                               {"problems", problems}});
}

api_response archive_import_handlers::commit(const api_request&, const path_params& params,
                                             const service::principal& who, sql::connection& db) const {
    return json_response(200, common::to_json(imports_.commit(db, who, parse_id(params.at("id")))));
}

api_response archive_import_handlers::abandon(const api_request&, const path_params& params,
                                              const service::principal& who, sql::connection& db) const {
    return json_response(200, common::to_json(imports_.abandon(db, who, parse_id(params.at("id")))));
}

}  // namespace fupin::server::api
