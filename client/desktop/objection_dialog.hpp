#pragma once
// 登记异议: an objection a villager raised against a case on a running posting, as the clerk writes it down: who
// objected (name, and a contact if given), the grounds, and the day it was raised (today unless told otherwise;
// the server checks it falls within the posting).
#include <QDialog>

#include "common/procedure.hpp"

class QDateEdit;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace fupin::desktop {

class objection_dialog : public QDialog {
    Q_OBJECT

public:
    // `about`: whose case, as the clerk reads it ("张三（坪上村）").
    objection_dialog(const QString& about, QWidget* parent = nullptr);

    common::objection objection() const;

private:
    void check();

    QLineEdit* name_ = nullptr;
    QLineEdit* contact_ = nullptr;
    QPlainTextEdit* grounds_ = nullptr;
    QDateEdit* day_ = nullptr;
    QPushButton* ok_ = nullptr;
};

}  // namespace fupin::desktop
