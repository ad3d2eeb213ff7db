#pragma once
// Postings (公示) and their entries: the public form of each case as published.
#include <optional>
#include <string>
#include <vector>

#include "common/procedure.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class posting_repository {
public:
    explicit posting_repository(sql::connection& conn) : conn_(conn) {}

    // Stores p and its entries; sets p.id.
    void insert(common::posting& p);
    // The posting with its entries (names of the areas filled); nullopt if none.
    std::optional<common::posting> find(std::int64_t id);
    // Without entries. Empty filters are not applied. Newest first, at most 500.
    std::vector<common::posting> list(const std::string& area_code, int year, const std::string& level);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
