#pragma once
// A valid household file of the demo county, as the server would return it.
#include <string>

#include "common/household.hpp"
#include "common/id_number.hpp"

namespace fupin::client::test_data {

inline std::string valid_id_number(const std::string& first17) {
    return first17 + common::id_number_check_digit(first17);
}

inline common::household sample_household() {
    common::household h;
    h.id = 12;
    h.version = 3;
    h.status = "pending";
    h.created_at_ms = 1795946400000;  // 2026-11-29T10:00:00.000Z
    h.updated_at_ms = 1795946700000;  // 10:05Z
    h.township_code = "529901101";
    h.township_name = "石门镇";
    h.village_code = "529901101201";
    h.village_name = "岩脚村";
    h.group_code = "529901101201003";
    h.group_name = "三组";
    h.head_name = "王大山";
    h.address = "岩脚村三组12号";
    h.phone = "13800000000";
    h.bank_name = "农村信用社";
    h.bank_account = "6210000000000000000";
    h.land = {3.5, 0, 0};
    h.conditions = {"dilapidated", 60, "difficult", "grid", "dirt", "low", 300000, "耕牛1头"};
    common::member head;
    head.name = "王大山";
    head.id_number = valid_id_number("52990119650312001");
    head.relation = "head";
    head.education = "primary";
    head.health = "chronic_illness";
    head.labour_capacity = "partial";
    h.members.push_back(head);
    h.income = {2025, 120000, 80050, 0, 30000};
    h.per_capita_net_income = 230050;
    h.main_cause = "illness";
    h.other_causes = {"lack_of_labour"};
    return h;
}

}  // namespace fupin::client::test_data
