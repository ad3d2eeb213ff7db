#pragma once
// What township-client prints about exit (脱贫退出): the county's exit standards and a household's verdict against
// one (what it still lacks of 两不愁三保障 and the income line), in Chinese (default) or English.
#include <string>
#include <vector>

#include "common/exit_rules.hpp"
#include "common/language.hpp"

namespace fupin::client {

class exit_printer {
public:
    explicit exit_printer(common::language lang) : lang_(lang) {}

    // 年度 脱贫标准 过渡期 设定人 设定时间
    std::string standard_table(const std::vector<common::exit_standard>& items) const;
    std::string standard(const common::exit_standard& s) const;  // "已设定 2026 年脱贫标准：…"
    // Whether household `id` meets the year's standard, and each shortfall on a line of its own.
    std::string verdict(std::int64_t household_id, int year, const common::exit_verdict& v) const;

private:
    common::language lang_;
};

}  // namespace fupin::client
