#include "client/desktop/objection_answer_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/desktop/qt_text.hpp"

namespace fupin::desktop {

objection_answer_dialog::objection_answer_dialog(const QString& objection, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("答复异议"));
    auto* layout = new QVBoxLayout(this);
    auto* about = new QLabel(objection, this);
    about->setWordWrap(true);
    layout->addWidget(about);
    auto* form = new QFormLayout;
    outcome_ = new QComboBox(this);
    outcome_->setObjectName("outcome");
    outcome_->addItem(tr("异议不成立"), "dismissed");
    outcome_->addItem(tr("异议成立"), "upheld");
    consequence_ = new QComboBox(this);
    consequence_->setObjectName("consequence");
    consequence_->addItem(tr("不予通过"), "refuse");
    consequence_->addItem(tr("退回重新办理"), "return");
    answer_ = new QPlainTextEdit(this);
    answer_->setObjectName("answer");
    form->addRow(tr("核实结果"), outcome_);
    form->addRow(tr("异议成立时"), consequence_);
    form->addRow(tr("答复内容"), answer_);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(tr("答复"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("取消"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(outcome_, &QComboBox::currentIndexChanged, this, &objection_answer_dialog::check);
    connect(answer_, &QPlainTextEdit::textChanged, this, &objection_answer_dialog::check);
    check();
    resize(480, 360);
}

void objection_answer_dialog::check() {
    consequence_->setEnabled(outcome_->currentData().toString() == "upheld");
    ok_->setEnabled(!answer_->toPlainText().trimmed().isEmpty());
}

client::objection_answer objection_answer_dialog::answer() const {
    const auto outcome = text_of(outcome_->currentData().toString());
    return {outcome, text_of(answer_->toPlainText().trimmed()),
            outcome == "upheld" ? text_of(consequence_->currentData().toString()) : std::string()};
}

}  // namespace fupin::desktop
