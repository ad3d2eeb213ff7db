#include "server/service/archive_import.hpp"

#include "common/api_error.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/service/local_operator.hpp"
#include "server/storage/area_repository.hpp"

namespace fupin::server::service {

std::size_t import_areas(sql::connection& db, const std::vector<common::area>& areas) {
    run_in_transaction(db, sql::tx_mode::write, [&] {
        storage::area_repository repository(db);
        for (const auto& a : areas) repository.upsert(a);
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
            if (e.code() == "person_already_registered")
                ++result.already_present;
            else
                result.refused.push_back("[" + std::to_string(i) + "] " + e.code() + " " + e.field() + ": " +
                                         e.message(common::language::zh));
        }
    }
    return result;
}

}  // namespace fupin::server::service
