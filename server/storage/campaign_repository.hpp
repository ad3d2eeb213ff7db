#pragma once
// The year's campaign (its phases) and the counts of each township's progress against it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/attachment.hpp"
#include "common/campaign.hpp"
#include "common/household.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

// A registered household as its completeness needs it, with its township and its attachments' kinds.
struct registered_file {
    common::household file;  // status, phone, bank_account, national_number, township_code only
    std::vector<common::attachment> attachments;  // kind only
};

class campaign_repository {
public:
    explicit campaign_repository(sql::connection& conn) : conn_(conn) {}

    // Replaces the year's phases.
    void set(const common::campaign& c);
    std::optional<common::campaign> find(int year);

    // Counts by township within `area` (the county, or one township): every file; the year's identification
    // cases by state; registered households with a helper now, and with the year's plan.
    std::map<std::string, std::int64_t> households(const std::string& area);
    std::map<std::string, std::map<std::string, std::int64_t>> cases_by_state(const std::string& area, int year);
    std::map<std::string, std::int64_t> registered_with_helper(const std::string& area);
    std::map<std::string, std::int64_t> registered_with_plan(const std::string& area, int year);
    // The registered households with what their completeness reads, by id.
    std::map<std::int64_t, registered_file> registered_files(const std::string& area);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
