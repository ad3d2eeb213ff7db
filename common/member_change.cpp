#include "common/member_change.hpp"

#include <algorithm>

#include "common/api_error.hpp"
#include "common/posting_period.hpp"
#include "common/procedure_input.hpp"
#include "common/vocabulary.hpp"

namespace fupin::common {
namespace {

constexpr std::size_t max_reason_chars = 500;

// An ID number as the file stores it: a final lowercase x written as X (common::derive does the same).
std::string normalized(std::string id_number) {
    if (!id_number.empty() && id_number.back() == 'x') id_number.back() = 'X';
    return id_number;
}

std::vector<member>::iterator find_member(household& h, const std::string& id_number) {
    const auto wanted = normalized(id_number);
    return std::find_if(h.members.begin(), h.members.end(), [&](const member& m) { return m.id_number == wanted; });
}

api_error head_stays() {
    return api_error::invalid_field("new_head_id_number", "invalid_value", "户主未减少,不能更换户主",
                                    "the head stays; the head changes only when the head leaves");
}

api_error not_a_member(const std::string& field, const std::string& id_number) {
    return api_error::invalid_field(field, "invalid_value", "本户没有身份证号为 " + id_number + " 的成员",
                                    "the household has no member with the ID number " + id_number);
}

}  // namespace

bool adds_member(const std::string& kind) { return kind == "birth" || kind == "marriage_in" || kind == "move_in"; }
bool removes_member(const std::string& kind) {
    return kind == "death" || kind == "marriage_out" || kind == "move_out";
}

member_change apply(household& h, const member_change_request& r, const std::string& today) {
    require_code(vocabulary::member_change_kinds, r.kind, "kind", true);
    const auto date = parse_date(r.effective_on);
    if (!date)
        throw api_error::invalid_field("effective_on", r.effective_on.empty() ? "missing_field" : "invalid_value",
                                       "变更日期应为 YYYY-MM-DD", "effective_on must be a date YYYY-MM-DD");
    if (r.effective_on > today)
        throw api_error::invalid_field("effective_on", "invalid_value", "变更日期不能晚于今天",
                                       "effective_on is in the future");
    if (r.reason.find_first_not_of(" \t\u3000") == std::string::npos)  // empty, or spaces only
        throw api_error(422, "reason_required", "请写明成员变更的原因或依据(如出生医学证明、死亡证明)",
                        "a member change needs its reason", "reason");
    checked_text(r.reason, "reason", max_reason_chars, false);
    if (adds_member(r.kind) != r.added.has_value())
        throw api_error::invalid_field("member", r.added ? "invalid_value" : "missing_field",
                                       r.added ? "只有出生、婚入、迁入才填写新成员" : "请填写新增的成员",
                                       r.added ? "only a birth, a marriage in or a move in adds a member"
                                               : "the member who joins is required");
    if (adds_member(r.kind) && !r.id_number.empty())
        throw api_error::invalid_field("id_number", "invalid_value", "新增成员的身份证号填在 member 中",
                                       "a member who joins gives the ID number inside member");
    if (r.kind != "id_number_change" && !r.new_id_number.empty())
        throw api_error::invalid_field("new_id_number", "invalid_value", "只有身份证号变更才填写新号码",
                                       "only an ID number change has a new number");

    member_change c;
    c.kind = r.kind;
    c.effective_on = r.effective_on;
    c.reason = r.reason;
    c.size_before = static_cast<int>(h.members.size());
    if (adds_member(r.kind)) {
        // A birth happens on the birth date the ID number carries.
        const auto born = normalized(r.added->id_number);
        if (r.kind == "birth" && born.size() == 18 &&
            born.substr(6, 4) + "-" + born.substr(10, 2) + "-" + born.substr(12, 2) != r.effective_on)
            throw api_error::invalid_field("effective_on", "invalid_value", "出生的变更日期应为新成员身份证号中的出生日期",
                                           "a birth's date is the birth date in the newborn's ID number");
        c.name = r.added->name;
        c.id_number = born;
        h.members.push_back(*r.added);
        c.size_after = static_cast<int>(h.members.size());
        if (!r.new_head_id_number.empty()) throw head_stays();
        return c;
    }

    if (r.id_number.empty())
        throw api_error::invalid_field("id_number", "missing_field", "请填写所涉成员的身份证号",
                                       "the member's id_number is required");
    const auto it = find_member(h, r.id_number);
    if (it == h.members.end()) throw not_a_member("id_number", r.id_number);
    c.name = it->name;
    c.id_number = it->id_number;

    if (r.kind == "id_number_change") {
        const auto renumbered = normalized(r.new_id_number);
        if (renumbered.empty() || renumbered == it->id_number)
            throw api_error::invalid_field("new_id_number", renumbered.empty() ? "missing_field" : "invalid_value",
                                           "请填写与原号不同的新身份证号", "a new ID number, not the old one, is required");
        if (!r.new_head_id_number.empty()) throw head_stays();
        c.new_id_number = renumbered;
        // A disability certificate's number is the ID number and two digits: it follows the new number.
        if (it->disability_certificate.starts_with(it->id_number))
            it->disability_certificate = renumbered + it->disability_certificate.substr(it->id_number.size());
        it->id_number = renumbered;
        it->birth_date.clear();  // derived again from the new number
        it->sex.clear();
        c.size_after = c.size_before;
        return c;
    }

    // Death, marriage out, move out.
    if (h.members.size() == 1)
        throw api_error(409, "last_member", "户内最后一名成员不能以此方式减少;该户应另行注销",
                        "the last member cannot leave this way; the household is closed otherwise");
    const bool head_leaves = it->relation == "head";
    if (head_leaves) {
        if (r.new_head_id_number.empty())
            throw api_error::invalid_field("new_head_id_number", "missing_field", "户主减少时须指定新户主",
                                           "the head leaves: name the member who becomes head");
        const auto heir = find_member(h, r.new_head_id_number);
        if (heir == h.members.end()) throw not_a_member("new_head_id_number", r.new_head_id_number);
        if (heir == it)
            throw api_error::invalid_field("new_head_id_number", "invalid_value", "新户主不能是减少的成员本人",
                                           "the new head cannot be the member who leaves");
        heir->relation = "head";
        c.new_head_name = heir->name;
    } else if (!r.new_head_id_number.empty()) {
        throw head_stays();
    }
    // What the member earned away from home (务工收入) was part of the household's wages; it leaves with him.
    c.income_removed = std::min(it->migrant_work_income, h.income.wages);
    h.income.wages -= c.income_removed;
    h.members.erase(find_member(h, c.id_number));
    c.size_after = static_cast<int>(h.members.size());
    return c;
}

}  // namespace fupin::common
