#pragma once
// Attachments of household files (资料), with their bytes. Stored once, never changed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/attachment.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class attachment_repository {
public:
    explicit attachment_repository(sql::connection& conn) : conn_(conn) {}

    // Sets a.id.
    void insert(common::attachment& a, const std::string& content);
    // Without their bytes, oldest first.
    std::vector<common::attachment> of_household(std::int64_t household_id);
    std::optional<common::attachment> find(std::int64_t id);
    std::string content(std::int64_t id);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
