#pragma once
// The county's exit standard per year (脱贫标准: the income line to be above and the transition period 脱贫不脱政策),
// and a household judged against it (common/exit_rules): every role reads the standards and judges the files it
// reads; the county administrator sets them (permission set_county_quotas, as the poverty lines).
#include <cstdint>
#include <functional>
#include <vector>

#include "common/exit_rules.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class exit_standard_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit exit_standard_service(clock now);

    std::vector<common::exit_standard> list(sql::connection& db, const principal& who) const;
    // 422 at income_line (more than 0, at most 1,000,000 yuan) or transition_years (0 to 10).
    common::exit_standard set(sql::connection& db, const principal& who, int year, common::money_fen income_line,
                              int transition_years) const;
    // The household's file judged against the year's standard on the server's day (China): 409
    // exit_standard_not_set when the county has set none for the year.
    common::exit_verdict verdict(sql::connection& db, const principal& who, std::int64_t household_id, int year) const;

    // Inside a transaction: the year's standard, or 409 exit_standard_not_set.
    static common::exit_standard standard_of(sql::connection& db, int year);

private:
    clock now_;
};

}  // namespace fupin::server::service
