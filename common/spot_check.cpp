#include "common/spot_check.hpp"

#include <algorithm>
#include <set>

#include "common/api_error.hpp"
#include "common/procedure_input.hpp"
#include "common/vocabulary.hpp"

namespace fupin::common {
namespace {

api_error invalid(const std::string& field, const std::string& zh, const std::string& en) {
    return api_error::invalid_field(field, "invalid_value", zh, en);
}

void require_code(const vocabulary_list& list, const std::string& code, const std::string& field) {
    if (!is_valid(list, code))
        throw invalid(field, field + " 应为 " + allowed_codes(list), field + " must be one of " + allowed_codes(list));
}

}  // namespace

void check_spot_check_result(const spot_check_result& r) {
    require_code(vocabulary::check_methods, r.method, "method");
    require_code(vocabulary::check_verdicts, r.verdict, "verdict");
    require_code(vocabulary::check_follow_ups, r.follow_up, "follow_up");
    checked_text(r.note, "note", max_procedure_text_chars, false);
    if (r.findings.empty() || r.findings.size() > 100)
        throw invalid("findings", "应列出核查的项目(1至100项)", "list the fields checked (1 to 100)");
    std::set<std::string> fields;
    bool any_wrong = false;
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const auto& f = r.findings[i];
        const auto path = "findings[" + std::to_string(i) + "]";
        checked_text(f.field, path + ".field", 100, true);
        checked_text(f.found, path + ".found", max_procedure_text_chars, !f.correct);
        if (!fields.insert(f.field).second)
            throw invalid(path + ".field", "核查项目重复:" + f.field, "the field is listed twice: " + f.field);
        any_wrong = any_wrong || !f.correct;
    }
    // The verdict, the findings and the follow-up tell one story.
    const auto follow_up_must_be = [&](const char* wanted, const std::string& zh, const std::string& en) {
        if (r.follow_up != wanted) throw invalid("follow_up", zh, en);
    };
    if (r.verdict == "accurate") {
        if (any_wrong) throw invalid("verdict", "有核查项目不符,结论不能为“准确”", "a finding is wrong: the file is not accurate");
        follow_up_must_be("none", "结论为“准确”时无需后续处理", "an accurate file needs no follow-up");
    } else if (r.verdict == "inaccurate") {
        if (!any_wrong)
            throw invalid("findings", "结论为“有误”时应列出不符的核查项目", "say which field was found wrong");
        follow_up_must_be("correction", "结论为“有误”时后续处理应为更正档案", "an inaccurate file is corrected");
    } else if (r.verdict == "should_exit") {
        follow_up_must_be("exit", "结论为“应退未退”时后续处理应为启动退出程序", "a household that should exit is proposed");
    } else {
        follow_up_must_be("identification", "结论为“应纳未纳”时后续处理应为启动识别程序",
                          "a household that should be in is identified");
    }
}

void check_spot_check_plan(const spot_check_plan& p) {
    if (p.share_percent < 1 || p.share_percent > 100)
        throw invalid("share_percent", "抽查比例应为1至100(%)", "share_percent must be 1 to 100");
    if (p.minimum < 1 || p.minimum > 10000)
        throw invalid("minimum", "每层最少抽查户数应为1至10000", "minimum must be 1 to 10,000");
    const bool printable = std::all_of(p.seed.begin(), p.seed.end(), [](char c) { return c > ' ' && c < 127; });
    if (p.seed.empty() || p.seed.size() > 64 || !printable)
        throw invalid("seed", "随机种子应为1至64个可见的英文字符或数字", "seed must be 1 to 64 printable ASCII characters");
}

int spot_check_sample_size(int population, int share_percent, int minimum) {
    if (population <= 0) return 0;
    const long long by_share = (static_cast<long long>(population) * share_percent + 99) / 100;
    return static_cast<int>(std::min<long long>(population, std::max<long long>(by_share, minimum)));
}

}  // namespace fupin::common
