#pragma once
// Objections raised by residents while a case is posted (docs/procedure.md): recorded during the posting, they
// hold the case at its step until each is answered; an upheld objection refuses the case or returns it.
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

class objection_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit objection_service(clock now);

    common::objection object(sql::connection& db, const principal& who, std::int64_t application_id,
                             common::objection input) const;
    std::vector<common::objection> list(sql::connection& db, const principal& who, std::int64_t application_id) const;
    // outcome: upheld | dismissed; consequence (upheld): refuse | return.
    common::objection answer(sql::connection& db, const principal& who, std::int64_t objection_id,
                             const std::string& outcome, const std::string& answer_text,
                             const std::string& consequence) const;

private:
    clock now_;
};

}  // namespace fupin::server::service
