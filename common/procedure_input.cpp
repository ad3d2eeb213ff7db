#include "common/procedure_input.hpp"

#include <set>

#include "common/api_error.hpp"
#include "common/utf8.hpp"

namespace fupin::common {

std::string checked_text(const std::string& text, const std::string& field, std::size_t limit, bool required) {
    const auto length = utf8_length(text);
    if (!length || has_control_characters(text))
        throw api_error::invalid_field(field, "invalid_value", "字段 " + field + " 含有无效字符",
                                       field + " holds invalid characters");
    if (required && *length == 0) {
        if (field == "reason" || field == "answer")
            throw api_error(422, "reason_required", "不予通过、退回或异议成立时必须写明理由",
                            "a refusal, a return or an upheld objection needs a reason", field);
        throw api_error::invalid_field(field, "missing_field", "字段 " + field + " 不能为空", field + " is required");
    }
    if (*length > limit)
        throw api_error::invalid_field(field, "invalid_value",
                                       "字段 " + field + " 不能超过" + std::to_string(limit) + "个字",
                                       field + " is longer than " + std::to_string(limit) + " characters");
    return text;
}

void check_panel(const std::vector<std::string>& panel, const std::string& field) {
    std::set<std::string> names;
    for (std::size_t i = 0; i < panel.size(); ++i)
        names.insert(checked_text(panel[i], field + "[" + std::to_string(i) + "]", max_person_name_chars, true));
    if (panel.size() < min_panel_size || panel.size() > max_panel_size || names.size() != panel.size())
        throw api_error::invalid_field(field, "invalid_panel", "评议小组应由9至15名不同的成员组成",
                                       "the panel has 9 to 15 different members");
}

void check_exit_vote(const exit_vote& vote) {
    check_panel(vote.panel, "vote.panel");
    if (vote.votes_for < 0 || vote.votes_against < 0 || vote.votes_abstain < 0 ||
        static_cast<long long>(vote.votes_for) + vote.votes_against + vote.votes_abstain >
            static_cast<long long>(vote.panel.size()))
        throw api_error::invalid_field("vote", "invalid_votes", "票数不能为负,合计不能超过评议小组人数",
                                       "votes cannot be negative nor add up to more than the panel");
}

void check_exit_acknowledgement(const exit_acknowledgement& ack) {
    checked_text(ack.signed_by, "acknowledgement.signed_by", max_person_name_chars, true);
    checked_text(ack.witness, "acknowledgement.witness", max_person_name_chars, true);
}

void check_appraisal_results(const std::vector<appraisal_result>& results, const std::vector<std::int64_t>& verified,
                             std::size_t panel_size) {
    const std::set<std::int64_t> expected(verified.begin(), verified.end());
    std::set<std::int64_t> given;
    std::set<int> ranks;
    const auto panel = static_cast<long long>(panel_size);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto& r = results[i];
        const auto path = "results[" + std::to_string(i) + "]";
        if (!expected.count(r.application_id) || !given.insert(r.application_id).second)
            throw api_error::invalid_field(
                path + ".application_id", "invalid_ranking",
                "第" + std::to_string(r.application_id) + "号申请不是本村待评议的申请,或重复出现",
                "case " + std::to_string(r.application_id) + " is not a verified case of the village, or is listed twice");
        ranks.insert(r.final_rank);
        if (r.votes_for < 0 || r.votes_against < 0 || r.votes_abstain < 0 ||
            static_cast<long long>(r.votes_for) + r.votes_against + r.votes_abstain > panel)
            throw api_error::invalid_field(path, "invalid_votes", "票数不能为负,合计不能超过评议小组人数",
                                           "votes cannot be negative nor add up to more than the panel");
    }
    if (given.size() != expected.size()) {
        std::string missing;
        for (auto id : expected)
            if (!given.count(id)) missing += (missing.empty() ? "" : ",") + std::to_string(id);
        throw api_error(422, "cases_missing", "本村待评议的申请未全部评议:" + missing,
                        "every verified case of the village must be appraised; missing: " + missing, "results")
            .with_detail("missing", missing);
    }
    const int n = static_cast<int>(expected.size());
    if (n == 0) return;  // nothing to rank (the server refuses an appraisal of no case before asking)
    if (static_cast<int>(ranks.size()) != n || *ranks.begin() != 1 || *ranks.rbegin() != n)
        throw api_error::invalid_field("results", "invalid_ranking", "排名应为1至" + std::to_string(n) + ",不重复",
                                       "ranks must be 1 to " + std::to_string(n) + ", each once");
}

}  // namespace fupin::common
