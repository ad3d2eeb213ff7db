#pragma once
// The 三到户三到人 view of an area (common/sandaohu.hpp): every registered household's six answers, rolled up
// for the area and each area directly below it, with the households that miss any listed. Every reader of the
// area may see it (the caller's own area when none is named).
#include <cstdint>
#include <functional>
#include <string>

#include "common/sandaohu.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class sandaohu_service {
public:
    using clock = std::function<std::int64_t()>;
    // contact_days: a helper's visit within this many days (today included) counts as 联系到人.
    sandaohu_service(clock now, int contact_days);

    // missing: one of the six answers' names, to list only the households lacking it (the queue of households
    // without a helper is `responsibility`'s), or "" for those lacking any.
    common::sandaohu_report report(sql::connection& db, const principal& who, std::string area_code, int year,
                                   int gaps_limit, const std::string& missing = {}) const;

private:
    clock now_;
    int contact_days_;
};

}  // namespace fupin::server::service
