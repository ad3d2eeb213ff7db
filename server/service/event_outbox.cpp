#include "server/service/event_outbox.hpp"

#include "common/area.hpp"
#include "server/storage/event_repository.hpp"

namespace fupin::server::service {

event_scope event_scope::of_area(const std::string& area_code) {
    return {common::township_code_of(area_code),
            common::area_level_of_code(area_code) == "village" ? area_code : std::string()};
}

void event_outbox::append(sql::connection& db, std::string kind, std::string record, const event_scope& scope,
                          const nlohmann::json& summary, const nlohmann::json& public_summary, std::int64_t now_ms) {
    storage::event_repository(db).append(
        make(std::move(kind), std::move(record), scope, summary, public_summary, now_ms));
}

storage::change_event event_outbox::make(std::string kind, std::string record, const event_scope& scope,
                                         const nlohmann::json& summary, const nlohmann::json& public_summary,
                                         std::int64_t now_ms) {
    storage::change_event e;
    e.at_ms = now_ms;
    e.kind = std::move(kind);
    e.record = std::move(record);
    e.township_code = scope.township_code;
    e.village_code = scope.village_code;
    e.is_public = !public_summary.is_null();
    e.summary = summary.is_null() ? "{}" : summary.dump();
    e.public_summary = e.is_public ? public_summary.dump() : "{}";
    return e;
}

void event_outbox::append_all(sql::connection& db, const std::vector<storage::change_event>& events) {
    storage::event_repository(db).append_all(events);
}

}  // namespace fupin::server::service
