#pragma once
// The clerk's own changes beside another office's, after a save was refused because that office saved first:
// one row per item that differs (household_merge), what is stored now and what the clerk typed, and which to
// keep. Items both changed are marked and must be looked at; the others are preset to the side that changed
// them. Accepting gives the merged file to the form, to be checked and saved again; cancelling keeps what the
// clerk typed in the form as it was.
#include <vector>

#include <QDialog>

#include "client/desktop/household_merge.hpp"

class QTableWidget;

namespace fupin::desktop {

class merge_dialog : public QDialog {
    Q_OBJECT

public:
    merge_dialog(household_merge merge, QWidget* parent = nullptr);

    const household_merge& merge() const { return merge_; }
    int rows() const;
    // The choice of row `row`: the clerk's value (true) or the stored one.
    bool keeps_mine(int row) const;
    void keep_mine(int row, bool mine);
    common::household merged() const;

private:
    household_merge merge_;
    QTableWidget* table_ = nullptr;
};

}  // namespace fupin::desktop
