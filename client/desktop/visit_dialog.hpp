#pragma once
// 记录走访: a helper's visit to the household (or a supervisor's check), as the clerk writes it down from the
// visit's record: who visited (one of the household's helpers now, or none for a check), how, on which day, what
// was done, the household's situation found and what is to follow. Checked by common::check_visit as typed.
#include <vector>

#include <QDialog>

#include "common/assistance.hpp"
#include "common/helper.hpp"

class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace fupin::desktop {

class visit_dialog : public QDialog {
    Q_OBJECT

public:
    // `helpers`: the household's pairings that hold now.
    visit_dialog(const std::vector<common::pairing>& helpers, QWidget* parent = nullptr);

    common::visit visit() const;
    QString problem() const { return problem_text_; }
    void set_text(const QString& done, const QString& situation, const QString& follow_up);

private:
    void check();

    QComboBox* helper_ = nullptr;
    QComboBox* kind_ = nullptr;
    QDateEdit* day_ = nullptr;
    QPlainTextEdit* done_ = nullptr;
    QPlainTextEdit* situation_ = nullptr;
    QPlainTextEdit* follow_up_ = nullptr;
    QLabel* problem_ = nullptr;
    QString problem_text_;
    QPushButton* ok_ = nullptr;
};

}  // namespace fupin::desktop
