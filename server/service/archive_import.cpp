#include "server/service/archive_import.hpp"

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/service/local_operator.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/household_repository.hpp"

namespace fupin::server::service {

namespace {

// A file whose members are all already in one household file was imported before (a re-run of the same
// import); a file with someone registered elsewhere breaks the one-person-one-household rule.
bool imported_before(sql::connection& db, const common::household& file) {
    std::vector<std::string> ids;
    for (const auto& m : file.members) ids.push_back(m.id_number);
    const auto found = storage::household_repository(db).find_people(ids);
    if (found.size() != ids.size() || found.empty()) return false;
    const auto household = found.begin()->second.household_id;
    for (const auto& [id, where] : found)
        if (where.household_id != household) return false;
    return true;
}

}  // namespace

std::size_t import_areas(sql::connection& db, const std::vector<common::area>& areas, std::int64_t now_ms) {
    run_in_transaction(db, sql::tx_mode::write, [&] {
        storage::area_repository repository(db);
        std::size_t renamed = 0;
        for (const auto& a : areas) {
            const auto before = repository.find(a.code);
            if (before && (before->name != a.name || before->parent_code != a.parent_code || before->level != a.level))
                ++renamed;
            repository.upsert(a);
        }
        if (renamed > 0) {
            const nlohmann::json summary{{"renamed", renamed}};
            event_outbox::append(db, "areas.renamed", storage::area_repository::changed_record().text(), {}, summary, summary,
                                 now_ms);
        }
        // The areas decide who may see which files: an import is on record like any other change.
        audit_trail::record(db, audit_actor::of(local_operator("")), "areas.import",
                            storage::area_repository::changed_record().text(), "ok",
                            {{"areas", areas.size()}, {"changed", renamed}}, now_ms);
    });
    return areas.size();
}

household_import_result import_households(sql::connection& db, const household_service& households,
                                          const std::string& county_code,
                                          const std::vector<common::household>& files) {
    household_import_result result;
    principal county = local_operator(county_code);
    for (std::size_t i = 0; i < files.size(); ++i) {
        try {
            households.create(db, county, files[i], {}, {});
            ++result.created;
        } catch (const common::api_error& e) {
            if (e.code() == "person_already_registered" && imported_before(db, files[i]))
                ++result.already_present;
            else
                result.refused.push_back("[" + std::to_string(i) + "] " + e.code() + " " + e.field() + ": " +
                                         e.message(common::language::zh));
        }
    }
    return result;
}

}  // namespace fupin::server::service
