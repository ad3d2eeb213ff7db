#pragma once
// The rules a household file must meet against what the archive already holds: its three area codes are
// registered at the right levels under the right parents, and none of its members is in another file (a
// person belongs to one household of the county). What they need is read for several files at once, one query
// each: a batch of creates checks its areas again in one query.
#include <map>
#include <span>
#include <string>

#include "common/api_error.hpp"
#include "common/area.hpp"
#include "common/household.hpp"
#include "server/service/principal.hpp"
#include "server/storage/household_repository.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class household_checks {
public:
    // Reads the areas and the registered people these files name.
    static household_checks load(sql::connection& db, std::span<const common::household* const> files);
    // Reads the areas alone, for check_areas().
    static household_checks load_areas(sql::connection& db, std::span<const common::household* const> files);

    // Checks h against what load() read and fills its three area names. Throws api_error: unknown_area (422),
    // person_already_registered (409, with where the person is, as GET /api/v1/people tells it; for a person
    // outside the caller's area as person_registered_elsewhere, which the caller is charged a lookup for).
    void check(const principal& who, common::household& h) const;
    // The area half of check().
    void check_areas(common::household& h) const;

    // The answer for a file that does not exist, or that the caller may not know exists.
    static common::api_error not_found();

private:
    std::map<std::string, common::area> areas_;
    std::map<std::string, storage::person_location> registered_;  // by ID number
};

}  // namespace fupin::server::service
