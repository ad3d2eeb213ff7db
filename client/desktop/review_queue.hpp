#pragma once
// 待办 › 半年审核: the newest half-yearly review round's entries waiting for this office. A village enters its files
// again (those not yet entered); a township looks into the 疑点 of its villages, which they may not enter again
// (docs/procedure.md, "Review rounds"). 录入… asks the window to open the file as the round's entry
// (household_form::enter_for_round); the server judges it.
#include <optional>
#include <string>
#include <vector>

#include <QWidget>

#include "client/desktop/one_read_at_a_time.hpp"
#include "common/review_round.hpp"

class QLabel;
class QPushButton;
class QTableWidget;

namespace fupin::desktop {

class api_worker;

class review_queue : public QWidget {
    Q_OBJECT

public:
    // `area`: the office's (a village's account lists what is not entered, a township's the 疑点).
    review_queue(api_worker& api, std::string area, QWidget* parent = nullptr);

    // Reads the queue again (one_read_at_a_time).
    void refresh();
    int size() const { return static_cast<int>(entries_.size()); }
    const std::vector<common::review_entry>& entries() const { return entries_; }
    // The round listed (the newest), once read.
    const std::optional<common::review_round>& round() const { return round_; }
    // What 录入… does for the entry at `row`.
    void enter(int row);

signals:
    void changed(int size);
    void open_entry(const common::review_round& round, std::int64_t household_id);

private:
    void show_entries();

    api_worker& api_;
    std::string area_;
    bool flagged_only_ = false;  // a township's: the 疑点
    std::optional<common::review_round> round_;
    std::vector<common::review_entry> entries_;
    QLabel* status_ = nullptr;
    QTableWidget* table_ = nullptr;
    QPushButton* enter_ = nullptr;
    one_read_at_a_time reads_;
};

}  // namespace fupin::desktop
