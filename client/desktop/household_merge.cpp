#include "client/desktop/household_merge.hpp"

#include <QCoreApplication>

#include "client/desktop/error_message.hpp"
#include "client/desktop/household_form_fields.hpp"
#include "client/desktop/qt_text.hpp"
#include "common/display_text.hpp"
#include "common/household_json.hpp"
#include "common/household_validation.hpp"

namespace fupin::desktop {
namespace {

// A field's value as the form shows it, for reading side by side.
QString value_text(const form_field<common::household>& f, const QVariant& v) {
    switch (f.kind) {
    case field_kind::money: return qt(common::format_amount(v.toLongLong()));
    case field_kind::flag:
        return v.toBool() ? QCoreApplication::translate("household_merge", "是")
                          : QCoreApplication::translate("household_merge", "否");
    case field_kind::choice:
        return v.toString().isEmpty() ? QCoreApplication::translate("household_merge", "（未选）")
                                      : qt(common::label_or_code(*f.list, text_of(v.toString()), ui_language()));
    case field_kind::decimal: return QString::number(v.toDouble(), 'f', 1);
    default: return v.toString();
    }
}

nlohmann::json members_of(const common::household& h) { return common::to_json(h).at("members"); }

// Equal as the form shows them: a decimal to its one place (3.35 mu is shown, and saved back, as 3.4: a file read
// and not touched must not count as changed by the clerk).
bool same_as_shown(const form_field<common::household>& f, const QVariant& a, const QVariant& b) {
    if (f.kind == field_kind::decimal) return qRound64(a.toDouble() * 10) == qRound64(b.toDouble() * 10);
    return a == b;
}

std::vector<std::string> other_causes_of(const common::household& h) {
    auto causes = h.other_causes;
    std::erase(causes, std::string());
    return causes;
}

std::vector<merge_item> items_of_the_form() {
    std::vector<merge_item> items;
    items.push_back({QCoreApplication::translate("household_merge", "所在村民小组"),
                     [](const auto& a, const auto& b) { return a.group_code == b.group_code; },
                     [](auto& to, const auto& from) {
                         to.group_code = from.group_code;
                         to.group_name = from.group_name;
                         to.village_code = from.village_code;
                         to.village_name = from.village_name;
                         to.township_code = from.township_code;
                         to.township_name = from.township_name;
                     },
                     [](const auto& h) { return qt(h.village_name + " " + h.group_name); }});
    for (const auto& tab : household_form_tabs())
        for (const auto& f : tab.fields) {
            // The other causes are one item below: the form keeps them packed, so a slot says nothing alone.
            if (f.path.starts_with("causes.others")) continue;
            items.push_back({field_label(f.label),
                             [f](const auto& a, const auto& b) { return same_as_shown(f, f.get(a), f.get(b)); },
                             [f](auto& to, const auto& from) { f.set(to, f.get(from)); },
                             [f](const auto& h) { return value_text(f, f.get(h)); }});
        }
    items.push_back({QCoreApplication::translate("household_merge", "其他致贫原因"),
                     [](const auto& a, const auto& b) { return other_causes_of(a) == other_causes_of(b); },
                     [](auto& to, const auto& from) { to.other_causes = other_causes_of(from); },
                     [](const auto& h) {
                         QStringList causes;
                         for (const auto& c : other_causes_of(h))
                             causes << qt(common::label_or_code(common::vocabulary::poverty_causes, c, ui_language()));
                         return causes.isEmpty() ? QCoreApplication::translate("household_merge", "（未选）")
                                                 : causes.join(QStringLiteral("、"));
                     }});
    // The members as one item: a member's row is read with its neighbours (the head, the relations).
    items.push_back({QCoreApplication::translate("household_merge", "家庭成员"),
                     [](const auto& a, const auto& b) { return members_of(a) == members_of(b); },
                     [](auto& to, const auto& from) { to.members = from.members; },
                     [](const auto& h) {
                         QStringList lines;
                         for (const auto& m : h.members) {
                             const auto relation =
                                 common::label_or_code(common::vocabulary::relations, m.relation, ui_language());
                             lines << qt(m.name + " " + relation + " " + m.id_number);
                         }
                         return lines.join('\n');
                     }});
    return items;
}

}  // namespace

household_merge::household_merge(common::household read, common::household mine, common::household theirs)
    : read_(std::move(read)), mine_(std::move(mine)), theirs_(std::move(theirs)), items_(items_of_the_form()) {
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const auto& item = items_[i];
        if (item.same(mine_, theirs_)) continue;
        differences_.push_back({i, !item.same(read_, mine_), !item.same(read_, theirs_)});
    }
}

std::vector<bool> household_merge::default_keep_mine() const {
    std::vector<bool> out;
    for (const auto& d : differences_) out.push_back(d.mine_changed);
    return out;
}

common::household household_merge::merged(const std::vector<bool>& keep_mine) const {
    auto out = theirs_;
    for (std::size_t i = 0; i < differences_.size(); ++i)
        if (i < keep_mine.size() && keep_mine[i]) item(differences_[i]).copy(out, mine_);
    std::erase(out.other_causes, std::string());
    common::derive(out);
    return out;
}

}  // namespace fupin::desktop
