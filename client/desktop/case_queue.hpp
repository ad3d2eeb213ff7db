#pragma once
// 待办 › 案件: the identification and exit cases waiting for the logged-in official, those in a state his role acts on
// (common::application_workflow: the one table of steps, states and roles), with a button for each step he may
// take now: a step of the case (村小组初评, 核实, 签字, 审核, 审批, 批准建档, 退出), 发布公示 where the next step is a
// posting, and 不予通过 or 退回 with the reason they require. Steps that carry a record open their dialog: the
// village's democratic appraisal (appraisal_dialog, all the village's verified cases at once), an exit's vote and
// the household's acknowledgement (exit_step_dialog).
#include <string>
#include <vector>

#include <QDialog>
#include <QPointer>
#include <QWidget>

#include "client/api_client.hpp"
#include "client/desktop/one_read_at_a_time.hpp"
#include "common/application_workflow.hpp"
#include "common/procedure.hpp"

class QHBoxLayout;
class QLabel;
class QTableWidget;

namespace fupin::desktop {

class api_worker;

class case_queue : public QWidget {
    Q_OBJECT

public:
    // `role` and `area`: the logged-in official's (from the session).
    case_queue(api_worker& api, std::string role, std::string area, QWidget* parent = nullptr);

    // Reads the queue again (after a step, or when the feed says a case moved), one read at a time.
    void refresh();
    int size() const { return static_cast<int>(cases_.size()); }
    const std::vector<common::application>& cases() const { return cases_; }
    // Takes `action` (a step code, "post", "refuse" or "return") on the case at `row`, as its button does; refuse
    // and return ask for their reason first unless `reason` is given.
    void take(int row, const std::string& action, const QString& reason = {});
    // The dialog a step that carries a record opened (appraisal_dialog or exit_step_dialog), while it is open.
    QDialog* step_dialog() const { return step_dialog_; }

signals:
    void changed(int size);

private:
    void show_cases();
    void show_actions();
    std::vector<std::string> actions_for(const common::application& a) const;
    // Opens the dialog of a step that carries a record.
    void open_step_dialog(const common::application& a, const common::workflow_transition& t);
    void send_step(const common::application& a, client::step_request step);

    api_worker& api_;
    std::string role_;
    std::string area_;
    std::vector<std::string> states_;  // where the role acts, in the procedure's order
    std::vector<common::application> cases_;
    QTableWidget* table_ = nullptr;
    QHBoxLayout* actions_ = nullptr;
    QLabel* status_ = nullptr;
    QPointer<QDialog> step_dialog_;
    one_read_at_a_time reads_;
};

}  // namespace fupin::desktop
