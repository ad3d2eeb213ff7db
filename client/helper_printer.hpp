#pragma once
// What township-client prints about helpers (帮扶): the units, the helpers and the volunteer team, and the
// pairings of a household or a helper with how to reach the helper (联系到人), in Chinese (default) or English.
// Levels and backgrounds are shown with their labels from common/vocabulary.hpp.
#include <string>
#include <vector>

#include "common/helper.hpp"
#include "common/language.hpp"

namespace fupin::client {

class helper_printer {
public:
    explicit helper_printer(common::language lang) : lang_(lang) {}

    // 编号 单位 级别 区划代码
    std::string unit_table(const std::vector<common::helper_unit>& units) const;
    std::string unit(const common::helper_unit& u) const;  // "已登记帮扶单位 3：县农业农村局（县直）"
    // 编号 姓名 单位 职务 电话 结对户数 志愿服务队 状态
    std::string helper_table(const std::vector<common::helper>& helpers) const;
    // One helper, labelled, and the households he answers for now when they are given.
    std::string helper(const common::helper& h, const std::vector<common::pairing>* households = nullptr) const;
    // After a pairing is made, ended or changed: one line.
    std::string pairing_started(const common::pairing& p) const;
    std::string pairing_ended(const common::pairing& p) const;
    // A household's helpers now (name, unit, post, phone) and every pairing it had, with who changed it and why.
    std::string household_helpers(const common::household_helpers& h) const;

private:
    common::language lang_;
};

}  // namespace fupin::client
