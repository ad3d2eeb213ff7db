#pragma once
// The procedure's public postings (公示, docs/procedure.md): a list of cases put up in a village, a township or
// the county for the configured days, which moves every case on it one step; postings are public lists that
// every user of the county may read. When a posting is over is read from common/posting_period, on the
// server's clock.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/posting_period.hpp"
#include "common/procedure.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class posting_service {
public:
    using clock = std::function<std::int64_t()>;
    posting_service(clock now, common::posting_days days);

    // ids empty: every case of the area and year in the state before this posting.
    common::posting publish(sql::connection& db, const principal& who, const std::string& level,
                            const std::string& area_code, int year, std::vector<std::int64_t> ids) const;
    common::posting get(sql::connection& db, const principal& who, std::int64_t id) const;
    std::vector<common::posting> list(sql::connection& db, const principal& who, const std::string& area_code,
                                      int year, const std::string& level) const;

private:
    clock now_;
    common::posting_days days_;
};

}  // namespace fupin::server::service
