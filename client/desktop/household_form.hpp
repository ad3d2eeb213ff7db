#pragma once
// 农户档案 as a clerk fills in the national form: where the household lives, then tabs for the basics, the
// members, the income, the living conditions and the identification facts, and for a stored file its assistance
// (helpers, measures, visits). Each change is checked at once by
// the rules the server runs (common::derive and find_problems): an ID number's check digit, sex and birth date
// filled from it, the per-capita income computed as it is typed; each problem is listed and marked at its field.
// 保存 sends the file: a new one with an Idempotency-Key kept for the form's life, so a retry after a timeout
// never makes two files; a changed one naming the version it was read at. Nothing typed is lost when saving
// fails, the session expires or another office changed the file first. Opened as a half-yearly review round's
// entry (enter_for_round), the same form enters the file again for the round: 录入审核 sends it through
// PUT /api/v1/review-rounds/{id}/households/{id} and the answer is the round's outcome.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QDialog>
#include <QPointer>
#include <nlohmann/json.hpp>

#include "client/client_error.hpp"
#include "client/desktop/merge_dialog.hpp"
#include "common/area.hpp"
#include "common/household.hpp"
#include "common/review_round.hpp"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace fupin::desktop {

class api_worker;
class assistance_panel;
class identification_panel;

class household_form : public QDialog {
    Q_OBJECT

public:
    // `existing`: the file as read (edit), or nothing (a new file, in the first group of the office's areas).
    household_form(api_worker& api, const std::vector<common::area>& areas, std::optional<common::household> existing,
                   QWidget* parent = nullptr);

    // The file as the widgets hold it now, derived.
    common::household value() const;
    identification_panel& identification() { return *identification_; }
    // 帮扶, for a stored file (nullptr for a new one).
    assistance_panel* assistance() const { return assistance_; }
    // The merge offered after a save was refused for another office's change, while it is open.
    merge_dialog* merging() const { return merging_; }
    // The problems shown now, as the list shows them.
    QStringList problems() const;
    // Makes the form the round's entry of this stored file: its income year set to the round's (the figures known
    // at the half are typed), a note, and 录入审核 instead of 保存.
    void enter_for_round(const common::review_round& round);
    // What 保存 (or 录入审核) does.
    void save();
    // 关闭 and Esc: not while saving; a form with changes asks first.
    void reject() override;

signals:
    void saved(const common::household& h);
    // A review round's entry was written: the file as stored now came with saved() just before.
    void review_entered(const common::review_entry& entry);

private:
    QWidget* build_members_tab();
    // origin: the member's place in the file as read, or nothing for a member added here.
    void add_member_row(const common::member& m, std::optional<std::size_t> origin = std::nullopt);
    void show_values(const common::household& h);
    void check();
    // A create sent earlier whose answer was lost is sent again with its key, before the clerk's changes since.
    void resend_lost_create();
    void send_review_entry();
    void save_failed(const client::client_error& e);
    // The save was refused for a newer version: read it and offer the merge.
    void offer_merge();

    api_worker& api_;
    common::household base_;  // what was read (or an empty new file): fields the form does not show are kept
    common::household stored_;  // the file as the server last gave it: what a merge compares both sides with
    bool is_new_ = true;
    std::string idempotency_key_;
    QComboBox* group_ = nullptr;
    std::vector<std::vector<QWidget*>> tab_editors_;  // per tab of household_form_tabs(), per field
    QTableWidget* members_ = nullptr;
    QLabel* per_capita_ = nullptr;
    identification_panel* identification_ = nullptr;
    assistance_panel* assistance_ = nullptr;  // a stored file's only
    bool assistance_read_ = false;
    QListWidget* problems_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* save_ = nullptr;
    bool checking_ = false;
    bool saving_ = false;
    nlohmann::json shown_;  // the file as the form first showed it (or last saved it): what 关闭 compares with
    std::vector<std::optional<std::size_t>> row_origin_;  // per row of members_
    std::map<std::string, std::string> parent_of_;         // area code → its parent's, from the office's areas
    // A create sent whose answer never came (a timeout, a dropped line): it may have been written.
    std::optional<common::household> sent_without_answer_;
    QPointer<merge_dialog> merging_;
    std::optional<common::review_round> round_;  // entering the file for this round
    QWidget* round_row_ = nullptr;               // the round's intro and note, shown for an entry only
    QLabel* round_intro_ = nullptr;
    QLineEdit* round_note_ = nullptr;
};

}  // namespace fupin::desktop
