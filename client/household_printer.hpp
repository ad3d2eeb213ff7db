#pragma once
// What township-client prints: households, lists, the server's health and errors, in Chinese (default) or
// English. Labels of enumerated codes come from common/vocabulary.hpp; tables are aligned for CJK text.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "client/client_error.hpp"
#include "common/api_error.hpp"
#include "common/household.hpp"
#include "common/member_change.hpp"

namespace fupin::client {

class household_printer {
public:
    explicit household_printer(common::language lang) : lang_(lang) {}

    // One household file, every field, with labels.
    std::string household(const common::household& h) const;
    // A list: 户编号 户主 村 组 人口 人均纯收入 状态 更新时间, then a count line.
    std::string household_table(const std::vector<common::household>& items) const;
    // A member change as recorded, and the file's size and per-capita income after it.
    std::string member_change(const common::member_change& c, const common::household& after) const;
    // 日期 变更 成员 身份证号 人数 原因 登记人
    std::string member_change_table(const std::vector<common::member_change>& items) const;
    // The hint after a page that has more: how to ask for the next one.
    std::string next_page_hint(const std::string& next_page_token) const;
    std::string health(const nlohmann::json& status) const;
    // A household that was stored, and whether the server replayed an earlier create.
    std::string stored_notice(bool created, bool replayed) const;

    // The server's message, the field it names and what the details say; or what went wrong on the way.
    std::string error(const client_error& e) const;
    // Problems found by the local check before sending (common::find_problems).
    std::string local_problems(const std::vector<common::api_error>& problems) const;
    // "members[0].id_number" → "第1位家庭成员·身份证号（members[0].id_number）"; English: the path itself.
    std::string field_name(std::string_view path) const;

private:

    common::language lang_;
};

}  // namespace fupin::client
