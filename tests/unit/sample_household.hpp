#pragma once
// A valid household file for tests to start from and break one field at a time.
#include "common/household.hpp"

namespace fupin::test {

inline common::household sample_household() {
    common::household h;
    h.township_code = "529901101";
    h.village_code = "529901101201";
    h.group_code = "529901101201003";
    h.address = "岩脚村三组12号";
    h.phone = "13800000000";
    h.bank_name = "农村信用社";
    h.bank_account = "6210000000000000000";
    h.land = {3.5, 0, 0};
    h.conditions = {"dilapidated", 60, "difficult", "grid", "dirt", "low", 300000, "耕牛1头"};
    common::member head;
    head.name = "王大山";
    head.id_number = "529901196503120016";  // male, 1965-03-12
    head.relation = "head";
    head.education = "primary";
    head.health = "chronic_illness";
    head.labour_capacity = "partial";
    common::member wife;
    wife.name = "李秀英";
    wife.id_number = "529901196708150024";  // female, 1967-08-15
    wife.relation = "spouse";
    wife.education = "illiterate";
    wife.health = "disabled";
    wife.disability_grade = 3;
    wife.labour_capacity = "none";
    common::member son;
    son.name = "王小军";
    son.id_number = "529901199204200036";  // male, 1992-04-20
    son.relation = "son";
    son.education = "junior_secondary";
    son.health = "healthy";
    son.labour_capacity = "full";
    son.migrant_work_months = 8;
    son.migrant_work_income = 1200000;
    h.members = {head, wife, son};
    h.income = {2026, 1200000, 80050, 0, 30000};
    h.main_cause = "illness";
    h.other_causes = {"lack_of_labour"};
    return h;
}

}  // namespace fupin::test
