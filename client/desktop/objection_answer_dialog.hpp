#pragma once
// 答复异议: the answer to an objection after it was looked into: upheld (异议成立: the case is refused or sent back
// to be done again) or dismissed (不成立), and the answer given to the objector.
#include <QDialog>

#include "client/api_client.hpp"

class QComboBox;
class QPlainTextEdit;
class QPushButton;

namespace fupin::desktop {

class objection_answer_dialog : public QDialog {
    Q_OBJECT

public:
    // `objection`: its text as the clerk reads it, shown above the answer.
    objection_answer_dialog(const QString& objection, QWidget* parent = nullptr);

    client::objection_answer answer() const;

private:
    void check();

    QComboBox* outcome_ = nullptr;
    QComboBox* consequence_ = nullptr;
    QPlainTextEdit* answer_ = nullptr;
    QPushButton* ok_ = nullptr;
};

}  // namespace fupin::desktop
