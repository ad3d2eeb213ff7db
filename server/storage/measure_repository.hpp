#pragma once
// Assistance measures (帮扶措施) with their funds by source. Each measure row keeps its funds' paid total beside
// them (written with them), so the 三到户三到人 view reads 资金到户 without joining the funds. Reads fill the
// helper's and the project's names.
#include <optional>
#include <vector>

#include "common/assistance.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class measure_repository {
public:
    explicit measure_repository(sql::connection& conn) : conn_(conn) {}

    // Sets m.id, m.version = 1, updated_by and the time; writes its funds.
    void insert(common::measure& m, const std::string& by, std::int64_t now_ms);
    // Replaces what a clerk edits and the funds if the measure is still at expected_version; bumps the version.
    // False when another change came first.
    bool update(common::measure& m, std::int64_t expected_version, const std::string& by, std::int64_t now_ms);
    std::optional<common::measure> find(std::int64_t id);
    // A household's measures, of one year (0: every year), oldest first.
    std::vector<common::measure> of_household(std::int64_t household_id, int year);

private:
    void write_funds(const common::measure& m);
    std::vector<common::measure> read(const std::string& where, const std::vector<sql::value>& params);
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
