#pragma once
// What township-client prints about assistance: measures with their funds, the categories that fit a household,
// projects, a household's plan for the year, visits, and the 三到户三到人 view with its gaps, in Chinese
// (default) or English. Categories, statuses, sources and kinds are shown with their labels from
// common/vocabulary.hpp.
#include <string>
#include <vector>

#include "common/assistance.hpp"
#include "common/assistance_rules.hpp"
#include "common/language.hpp"
#include "common/sandaohu.hpp"

namespace fupin::client {

class assistance_printer {
public:
    explicit assistance_printer(common::language lang) : lang_(lang) {}

    // 编号 年度 类别 内容 责任人 项目 状态 计划资金 已到户资金
    std::string measure_table(const std::vector<common::measure>& measures) const;
    // One measure, labelled, with its funds by source.
    std::string measure(const common::measure& m) const;
    std::string suggestions(const std::vector<common::category_suggestion>& s) const;
    std::string project_table(const std::vector<common::project>& projects) const;
    std::string project(const common::project& p) const;
    // The plan's figures and acknowledgement, then the year's measures.
    std::string plan(const common::assistance_plan& p) const;
    std::string visit_table(const std::vector<common::visit>& visits) const;
    std::string visit(const common::visit& v) const;
    // The roll-up (the area, then the areas below it) and the households with gaps, each gap named.
    std::string sandaohu(const common::sandaohu_report& r) const;

private:
    common::language lang_;
};

}  // namespace fupin::client
