#pragma once
// The county's areas as an office sees them: its own area and everything below it, for the clients' choices of
// a village or a group (the areas themselves are imported by the server's operator: county-server areas import).
#include <vector>

#include "common/area.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class area_service {
public:
    // Whoever reads households by area; the caller's own area first, then those below it by code.
    std::vector<common::area> within_own_area(sql::connection& db, const principal& who) const;
};

}  // namespace fupin::server::service
