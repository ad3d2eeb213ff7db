#pragma once
// What township-client prints about the identification procedure (docs/procedure.md): cases and their history,
// verdicts, postings (as a printable notice and as CSV for Excel), objections, the appraisal ranking, quotas and
// poverty lines, in Chinese (default) or English. States, actions, levels and causes are shown with their labels
// from common/vocabulary.hpp, so a clerk reads 第一榜公示中 and not village_posted.
#include <string>
#include <vector>

#include "client/client_error.hpp"
#include "common/api_error.hpp"
#include "common/identification_rules.hpp"
#include "common/procedure.hpp"

namespace fupin::client {

class procedure_printer {
public:
    explicit procedure_printer(common::language lang) : lang_(lang) {}

    // One case: where it stands, the household's public data, then the whole history with labels.
    std::string application(const common::application& a) const;
    // One entry of a step's details, as lines of the history: a verdict's reasons, an exit's vote or
    // acknowledgement, anything else as key: value.
    std::string detail_lines(const std::string& key, const nlohmann::json& value) const;
    // 编号 户编号 年度 户主 村 状态 异议 更新时间, then a count line.
    std::string application_table(const std::vector<common::application>& items) const;
    // After a step: one line per case, "案件 7（王大山）：第一榜公示中 → 驻村干部已签字上报".
    std::string step_taken(const std::string& action, const std::vector<common::application>& cases) const;

    // The rules' verdict: eligible or not, the income against the line, and every reason in the language.
    std::string verdict(const common::identification_verdict& v) const;

    // A posting as it is put up: the title (“岩脚村 2026年扶贫对象第一榜公示”), the period, the table of
    // entries (序号 户主 村 组 人口 人均纯收入(元) 主要致贫原因 评议排名) and where to object. Never an ID number:
    // the posting has none.
    std::string posting(const common::posting& p) const;
    // The same entries as CSV for Excel: UTF-8 with a BOM (else Excel reads it as the local code page), a header
    // row, CRLF line ends, fields quoted when they need it.
    std::string posting_csv(const common::posting& p) const;
    std::string posting_title(const common::posting& p) const;
    std::string posting_table(const std::vector<common::posting>& items) const;

    std::string objection(const common::objection& o) const;
    std::string objection_table(const std::vector<common::objection>& items) const;

    // The system's ranking for the panel (五比五看).
    std::string proposal(const std::vector<common::ranking_entry>& items) const;
    std::string appraisal(const common::appraisal& a) const;

    std::string quota_table(const std::vector<common::quota>& items) const;
    std::string poverty_line_table(const std::vector<common::poverty_line>& items) const;
    std::string poverty_line(const common::poverty_line& l) const;
    std::string quota(const common::quota& q) const;

    // The server's error with what the procedure's codes mean for a clerk (the state and the next step of
    // step_out_of_order, the dates of posting_not_over, the quota figures); other errors as household_printer.
    std::string error(const client_error& e) const;

    // Labels; the code itself when this client does not know it.
    std::string state_label(const std::string& code) const;
    std::string action_label(const std::string& code) const;
    std::string level_label(const std::string& code) const;

private:

    common::language lang_;
};

}  // namespace fupin::client
