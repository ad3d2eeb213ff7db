#include "client/archive_import_client.hpp"

#include "client/client_error.hpp"
#include "common/archive_import_json.hpp"

namespace fupin::client {
namespace {

// Below the server's 1 MiB body limit with room to spare for the largest households.
constexpr std::size_t batch_bytes = 512 * 1024;

template <class Parse>
auto parsed(const char* what, Parse parse) {
    try {
        return parse();
    } catch (const std::exception& e) {
        throw client_error(error_kind::protocol, std::string("the server's ") + what + " is not valid: " + e.what());
    }
}

common::archive_import import_answer(const nlohmann::json& json) {
    return parsed("import", [&] { return common::archive_import_from_json(json); });
}

std::string path_of(std::int64_t id) { return "/api/v1/imports/" + std::to_string(id); }

}  // namespace

common::archive_import archive_import_client::open(const std::string& file_name) {
    return import_answer(
        client_.request_json(http_method::post, "/api/v1/imports", nlohmann::json{{"file_name", file_name}}.dump()));
}

archive_import_batch_answer archive_import_client::add(std::int64_t id,
                                                       const std::vector<const common::archive_import_file*>& files) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto* f : files) list.push_back(common::to_json(*f));
    const auto json =
        client_.request_json(http_method::post, path_of(id) + "/files", nlohmann::json{{"files", list}}.dump());
    return parsed("import batch", [&] {
        archive_import_batch_answer out;
        out.import = common::archive_import_from_json(json.at("import"));
        out.staged = json.at("staged").get<std::size_t>();
        for (const auto& p : json.at("problems")) out.problems.push_back(common::archive_import_problem_from_json(p));
        return out;
    });
}

common::archive_import archive_import_client::commit(std::int64_t id) {
    // The server writes every staged file in one transaction before it answers: about a minute for 100,000
    // households (docs/performance.md).
    return import_answer(
        client_.request_json_waiting(http_method::post, path_of(id) + "/commit", std::string("{}"), std::chrono::minutes(15)));
}

common::archive_import archive_import_client::abandon(std::int64_t id) {
    return import_answer(client_.request_json(http_method::delete_, path_of(id)));
}

std::vector<std::vector<const common::archive_import_file*>> archive_import_client::batches(
    const std::vector<common::archive_import_file>& files) {
    std::vector<std::vector<const common::archive_import_file*>> out;
    std::size_t bytes = 0;
    for (const auto& f : files) {
        const auto size = common::to_json(f).dump().size();
        if (out.empty() || out.back().size() >= common::archive_import_batch_files || bytes + size > batch_bytes) {
            out.emplace_back();
            bytes = 0;
        }
        out.back().push_back(&f);
        bytes += size;
    }
    return out;
}

}  // namespace fupin::client
