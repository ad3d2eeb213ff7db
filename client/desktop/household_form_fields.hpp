#pragma once
// The fields of the household form, tab by tab, in the national registration form's order (扶贫开发建档立卡贫困户
// 登记表), and the columns of its members' table: the one layout of the desktop's form.
#include <vector>

#include <QString>

#include "client/desktop/form_field.hpp"
#include "common/household.hpp"

namespace fupin::desktop {

struct form_tab {
    const char* title;  // marked for translation in the "form_field" context: shown through field_label()
    std::vector<form_field<common::household>> fields;
};

// 基本情况, 收入情况, 生产生活条件, 识别 (the members have their own tab, household_member_columns()).
const std::vector<form_tab>& household_form_tabs();
const std::vector<form_field<common::member>>& household_member_columns();

}  // namespace fupin::desktop
