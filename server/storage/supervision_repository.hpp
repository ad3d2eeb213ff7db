#pragma once
// 专项督查: the county's weights of a year's ranking, the notices on townships, and the counts by township the
// ranking needs beside the campaign's progress (campaign_repository): the year's cases put on the county's
// posting and those with an objection upheld there, and the year's spot checks recorded and found accurate.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/supervision.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

struct spot_check_count {
    std::int64_t checked = 0;
    std::int64_t accurate = 0;
};

class supervision_repository {
public:
    explicit supervision_repository(sql::connection& conn) : conn_(conn) {}

    // Replaces the year's weights.
    void set_weights(const common::supervision_weights& w);
    std::optional<common::supervision_weights> weights(int year);

    std::int64_t add_note(const common::supervision_note& n);
    // The year's notes on the townships within `area` (the county, or one township), oldest first.
    std::vector<common::supervision_note> notes(int year, const std::string& area);

    // By township within `area`: the year's identification cases put on the county's posting, and of them those
    // with an objection upheld on it.
    std::map<std::string, std::int64_t> cases_posted_by_county(const std::string& area, int year);
    std::map<std::string, std::int64_t> cases_with_upheld_objection(const std::string& area, int year);
    // By township within `area`: the files of the year's spot checks whose check is recorded, and of those the
    // accurate.
    std::map<std::string, spot_check_count> spot_checks(const std::string& area, int year);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
