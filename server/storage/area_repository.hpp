#pragma once
// The county's administrative tree (areas table): loaded from the area file, read for names and checks.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/record_key.hpp"
#include "common/area.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class area_repository {
public:
    explicit area_repository(sql::connection& conn) : conn_(conn) {}

    // What upsert() names to the connection's change observer: every household file shows area names.
    static common::record_key changed_record() { return common::record_key::areas(); }

    // Inserts, or replaces parent, level and name of an existing code.
    void upsert(const common::area& a);
    std::optional<common::area> find(const std::string& code);
    // Several codes in one query (a household's township, village and group); unknown codes are missing.
    std::map<std::string, common::area> find_all(const std::vector<std::string>& codes);
    // Direct children in code order; "" gives the county (whose parent_code is empty).
    std::vector<common::area> children(const std::string& parent_code);
    // The area and every area below it, by code (a parent before its children).
    std::vector<common::area> within(const std::string& code);
    std::int64_t count();

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
