#pragma once
// The two steps of an exit (脱贫退出) that carry a record: the village's vote on the household's exit (民主评议:
// the meeting's day, its panel, the votes) and the household's acknowledgement (签字认可: who signed, on which
// day, before whom). Checked as typed by the server's own rules (common::check_exit_vote,
// check_exit_acknowledgement); the step is then taken from the queue.
#include <QDialog>

#include "client/api_client.hpp"

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace fupin::desktop {

class panel_editor;

class exit_step_dialog : public QDialog {
    Q_OBJECT

public:
    enum class kind { vote, acknowledgement };

    // `about`: the household, as the clerk reads it.
    exit_step_dialog(kind k, const QString& about, QWidget* parent = nullptr);

    // The step's record, filled into `step` (its vote or its acknowledgement).
    void fill(client::step_request& step) const;
    QString problem() const { return problem_text_; }
    panel_editor* panel() { return panel_; }
    void set_votes(int yes, int no, int abstain);
    void set_acknowledgement(const QString& signed_by, const QString& witness);

private:
    void check();

    kind kind_;
    QDateEdit* day_ = nullptr;
    panel_editor* panel_ = nullptr;
    QSpinBox* for_ = nullptr;
    QSpinBox* against_ = nullptr;
    QSpinBox* abstain_ = nullptr;
    QLineEdit* signed_by_ = nullptr;
    QLineEdit* witness_ = nullptr;
    QLabel* problem_ = nullptr;
    QString problem_text_;
    QPushButton* ok_ = nullptr;
};

}  // namespace fupin::desktop
