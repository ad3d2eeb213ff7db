#include "client/desktop/objection_dialog.hpp"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/desktop/qt_text.hpp"
#include "common/china_date.hpp"

namespace fupin::desktop {

objection_dialog::objection_dialog(const QString& about, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("登记异议 — %1").arg(about));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    name_ = new QLineEdit(this);
    name_->setObjectName("objector_name");
    contact_ = new QLineEdit(this);
    contact_->setObjectName("objector_contact");
    grounds_ = new QPlainTextEdit(this);
    grounds_->setObjectName("grounds");
    day_ = new QDateEdit(this);
    day_->setObjectName("objected_on");
    day_->setCalendarPopup(true);
    day_->setDisplayFormat("yyyy-MM-dd");
    day_->setDate(qt_date(common::today_in_china()));
    form->addRow(tr("异议人姓名"), name_);
    form->addRow(tr("联系方式（可不填）"), contact_);
    form->addRow(tr("异议理由"), grounds_);
    form->addRow(tr("提出日期"), day_);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(tr("登记"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("取消"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(name_, &QLineEdit::textChanged, this, &objection_dialog::check);
    connect(grounds_, &QPlainTextEdit::textChanged, this, &objection_dialog::check);
    check();
    resize(480, 360);
}

void objection_dialog::check() {
    ok_->setEnabled(!name_->text().trimmed().isEmpty() && !grounds_->toPlainText().trimmed().isEmpty());
}

common::objection objection_dialog::objection() const {
    common::objection o;
    o.objector_name = text_of(name_->text().trimmed());
    o.objector_contact = text_of(contact_->text().trimmed());
    o.grounds = text_of(grounds_->toPlainText().trimmed());
    o.objected_on = day_text(day_->date());
    return o;
}

}  // namespace fupin::desktop
