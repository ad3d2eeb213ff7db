#pragma once
// Helpers (帮扶): the units that send them, the helpers who answer for households, the volunteer service team,
// and the pairings of helpers with registered households (结对帮扶). Plain data, shared by client and server;
// the checks of a clerk's input are in helper_json.hpp, the rules of pairing in the server's pairing_service.
#include <cstdint>
#include <string>
#include <vector>

namespace fupin::common {

struct helper_unit {
    std::int64_t id = 0;
    std::string name;       // e.g. "县农业农村局"
    std::string level;      // vocabulary::helper_unit_levels: 省直, 市直, 县直, 乡镇, 村级
    std::string area_code;  // the county for 省直/市直/县直; the township or village the unit belongs to otherwise
    std::int64_t version = 0;
    std::int64_t created_at_ms = 0;
    std::int64_t updated_at_ms = 0;
};

struct helper {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::string unit_name;   // filled on read
    std::string unit_level;  // filled on read
    std::string name;
    std::string post;   // 职务
    std::string phone;
    bool active = true;  // an inactive helper keeps his history and takes no new household
    std::string volunteer_background;  // vocabulary::volunteer_backgrounds; empty: not in the volunteer team
    bool team_leader = false;          // leads the volunteer team (only a member of it)
    int households = 0;                // households paired now (filled on read)
    std::string username;  // the account (role helper) he logs in with; empty: he has none
    std::int64_t version = 0;
    std::int64_t created_at_ms = 0;
    std::int64_t updated_at_ms = 0;
};

// A helper answering for a household, from when it was paired to when it ended (never deleted).
struct pairing {
    std::int64_t id = 0;
    std::int64_t household_id = 0;
    std::string village_code;  // the household's (filled on read: where it lives now)
    std::string head_name;     // the household's head (filled on read)
    std::int64_t helper_id = 0;
    std::string helper_name;   // filled on read, with the contact below (联系到人)
    std::string helper_post;
    std::string helper_phone;
    std::string unit_name;
    std::int64_t started_at_ms = 0;
    std::string started_by;  // username
    std::string start_reason;
    std::int64_t ended_at_ms = 0;  // 0 while it holds
    std::string ended_by;
    std::string end_reason;
    std::int64_t replaced_by = 0;  // the pairing that took its place when the helper was changed, else 0

    bool current() const { return ended_at_ms == 0; }
};

// A household's helpers: those answering for it now (one or two), and every pairing it ever had, newest first.
struct household_helpers {
    std::int64_t household_id = 0;
    std::vector<pairing> current;
    std::vector<pairing> history;
};

}  // namespace fupin::common
