#pragma once
// A save refused because another office changed the file first (409 version_conflict): the three files, as the
// clerk read it, as the clerk has it now and as it is stored now, compared item by item (each field of the form,
// the group, the members' list as a whole). An item only one side changed takes that side's value; an item both
// changed differently is a conflict the clerk decides. The merged file is the stored one (its version, and all it
// holds that the form does not show) with the clerk's values where kept, so saving it again overwrites nothing
// unseen and loses nothing typed.
#include <functional>
#include <vector>

#include <QString>

#include "common/household.hpp"

namespace fupin::desktop {

struct merge_item {
    QString label;
    std::function<bool(const common::household&, const common::household&)> same;
    std::function<void(common::household& to, const common::household& from)> copy;
    std::function<QString(const common::household&)> show;  // as a person reads it, in the window's language
};

class household_merge {
public:
    struct difference {
        std::size_t item = 0;  // in items()
        bool mine_changed = false;
        bool theirs_changed = false;
        bool conflict() const { return mine_changed && theirs_changed; }
    };

    household_merge(common::household read, common::household mine, common::household theirs);

    // The items where the clerk's file and the stored one differ, in the form's order.
    const std::vector<difference>& differences() const { return differences_; }
    // Per difference: keep the clerk's value where he changed it, take the stored one where only it changed.
    std::vector<bool> default_keep_mine() const;
    // The stored file with the clerk's value of each difference whose `keep_mine` is set.
    common::household merged(const std::vector<bool>& keep_mine) const;
    const merge_item& item(const difference& d) const { return items_.at(d.item); }
    const common::household& mine() const { return mine_; }
    const common::household& theirs() const { return theirs_; }

private:
    common::household read_;
    common::household mine_;
    common::household theirs_;
    std::vector<merge_item> items_;  // every item of the form, made for each merge in the window's language
    std::vector<difference> differences_;
};

}  // namespace fupin::desktop
