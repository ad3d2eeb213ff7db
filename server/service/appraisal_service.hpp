#pragma once
// The village's democratic appraisal (民主评议, docs/procedure.md): the system's proposed ranking of the verified
// cases, and the panel's result, recorded for every verified case of the village at once. A case the panel
// does not carry by a majority is refused; the others move on with their final rank.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/procedure.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class appraisal_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit appraisal_service(clock now);

    std::vector<common::ranking_entry> proposal(sql::connection& db, const principal& who,
                                                const std::string& village_code, int year) const;
    common::appraisal appraise(sql::connection& db, const principal& who, common::appraisal input) const;

private:
    clock now_;
};

}  // namespace fupin::server::service
