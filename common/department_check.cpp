#include "common/department_check.hpp"


namespace fupin::common {
namespace {

struct kind_rule {
    std::string_view kind;
    bool excludes;
    std::string_view department_zh;
    std::string_view finding_zh;  // what the list says of the member, before the row's detail
    std::string_view finding_en;
};

// One table: what each kind of list is, where it comes from, whether it excludes, and how its finding reads.
constexpr kind_rule rules[] = {
    {"dibao", false, "民政", "享受农村低保", "receives the minimum living allowance"},
    {"tekun", false, "民政", "为特困供养人员", "is supported as destitute"},
    {"disability", false, "残联", "持有残疾人证", "holds a disability certificate"},
    {"vehicle", true, "公安车管", "名下有机动车", "owns a motor vehicle"},
    {"commercial_housing", true, "住建房管", "购买了商品房", "bought commercial housing"},
    {"business", true, "市场监管", "登记有工商企业或个体工商户", "has a registered business"},
    {"state_payroll", true, "财政", "为财政供养人员", "is on the state payroll"},
};

const kind_rule* rule_of(std::string_view kind) {
    for (const auto& r : rules)
        if (r.kind == kind) return &r;
    return nullptr;
}

}  // namespace

bool excludes(std::string_view kind) {
    const auto* r = rule_of(kind);
    return r && r->excludes;
}

std::string default_source(std::string_view kind) {
    const auto* r = rule_of(kind);
    return r ? std::string(r->department_zh) : std::string();
}

std::string flag_reason(const household_flag& f, language lang) {
    const auto* r = rule_of(f.kind);
    std::string out;
    if (lang == language::en) {
        out = "member " + f.member_name + " " + (r ? std::string(r->finding_en) : f.kind);
        if (!f.detail.empty()) out += ": " + f.detail;
        out += " (" + f.source + (f.recorded_on.empty() ? "" : ", " + f.recorded_on) + ")";
        return out;
    }
    out = "成员" + f.member_name + (r ? std::string(r->finding_zh) : f.kind);
    if (!f.detail.empty()) out += "：" + f.detail;
    out += "（" + f.source + (f.recorded_on.empty() ? "" : "，" + f.recorded_on) + "）";
    return out;
}

std::vector<verdict_reason> excluding_reasons(const std::vector<household_flag>& flags) {
    std::vector<verdict_reason> out;
    for (const auto& f : flags)
        if (f.holds)
            out.push_back({"department_flag", "部门比对疑点：" + flag_reason(f, language::zh),
                           "cross-department check: " + flag_reason(f, language::en)});
    return out;
}

}  // namespace fupin::common
