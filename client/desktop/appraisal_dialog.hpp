#pragma once
// 村民代表民主评议: the village's appraisal meeting, recorded for all its verified cases of a year at once. The
// system's ranking (五比五看, the server's proposal from common::identification_rules) comes first; the clerk
// writes down the panel, the meeting's day, and for each household the panel's rank and votes. Each change is
// checked by the server's own rules (common::check_panel, check_appraisal_results) before 记录 is allowed.
#include <string>
#include <vector>

#include <QDialog>

#include "common/procedure.hpp"

class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace fupin::desktop {

class api_worker;
class panel_editor;

class appraisal_dialog : public QDialog {
    Q_OBJECT

public:
    appraisal_dialog(api_worker& api, std::string village_code, const QString& village_name, int year,
                     QWidget* parent = nullptr);

    // The proposal has been read.
    bool ready() const { return ready_; }
    int rows() const { return static_cast<int>(proposal_.size()); }
    panel_editor& panel() { return *panel_; }
    // The row's rank and votes, as the clerk enters them.
    void set_result(int row, int final_rank, int votes_for, int votes_against, int votes_abstain);
    // The first problem with what is entered, in the window's language (empty: ready to record).
    QString problem() const { return problem_text_; }
    // What 记录 does: the appraisal is recorded, then the dialog is accepted.
    void record();

signals:
    void recorded(const common::appraisal& a);

private:
    void show_proposal();
    void check();
    common::appraisal value() const;

    api_worker& api_;
    std::string village_code_;
    int year_;
    bool ready_ = false;
    bool busy_ = false;
    std::vector<common::ranking_entry> proposal_;
    QDateEdit* meeting_ = nullptr;
    panel_editor* panel_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* problem_ = nullptr;
    QString problem_text_;
    QPushButton* record_ = nullptr;
};

}  // namespace fupin::desktop
