#include "client/desktop/exit_step_dialog.hpp"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "client/desktop/error_message.hpp"
#include "client/desktop/panel_editor.hpp"
#include "client/desktop/qt_text.hpp"
#include "common/api_error.hpp"
#include "common/china_date.hpp"
#include "common/procedure_input.hpp"

namespace fupin::desktop {

exit_step_dialog::exit_step_dialog(kind k, const QString& about, QWidget* parent) : QDialog(parent), kind_(k) {
    setWindowTitle((k == kind::vote ? tr("脱贫退出民主评议 — %1") : tr("贫困户签字认可 — %1")).arg(about));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    day_ = new QDateEdit(qt_date(common::today_in_china()), this);
    day_->setObjectName("day");
    day_->setCalendarPopup(true);
    day_->setDisplayFormat("yyyy-MM-dd");
    connect(day_, &QDateEdit::dateChanged, this, &exit_step_dialog::check);
    if (k == kind::vote) {
        panel_ = new panel_editor(this);
        const auto votes = [this](const char* name) {
            auto* box = new QSpinBox(this);
            box->setObjectName(name);
            box->setRange(0, static_cast<int>(common::max_panel_size));
            connect(box, &QSpinBox::valueChanged, this, &exit_step_dialog::check);
            return box;
        };
        for_ = votes("votes_for");
        against_ = votes("votes_against");
        abstain_ = votes("votes_abstain");
        form->addRow(tr("评议日期"), day_);
        form->addRow(tr("评议小组"), panel_);
        form->addRow(tr("赞成"), for_);
        form->addRow(tr("反对"), against_);
        form->addRow(tr("弃权"), abstain_);
        connect(panel_, &QPlainTextEdit::textChanged, this, &exit_step_dialog::check);
    } else {
        signed_by_ = new QLineEdit(this);
        signed_by_->setObjectName("signed_by");
        witness_ = new QLineEdit(this);
        witness_->setObjectName("witness");
        form->addRow(tr("签字日期"), day_);
        form->addRow(tr("签字人"), signed_by_);
        form->addRow(tr("见证人"), witness_);
        connect(signed_by_, &QLineEdit::textChanged, this, &exit_step_dialog::check);
        connect(witness_, &QLineEdit::textChanged, this, &exit_step_dialog::check);
    }
    layout->addLayout(form);
    problem_ = new QLabel(this);
    problem_->setObjectName("exit_step_problem");
    problem_->setWordWrap(true);
    problem_->setStyleSheet("color: #b71c1c;");
    layout->addWidget(problem_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setObjectName("exit_step_ok");
    ok_->setText(tr("办理"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("取消"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
    resize(460, k == kind::vote ? 440 : 220);
}

void exit_step_dialog::fill(client::step_request& step) const {
    if (kind_ == kind::vote)
        step.vote = common::exit_vote{day_text(day_->date()), panel_->names(), for_->value(), against_->value(),
                                      abstain_->value()};
    else
        step.acknowledgement = common::exit_acknowledgement{day_text(day_->date()), text_of(signed_by_->text().trimmed()),
                                                            text_of(witness_->text().trimmed())};
}

void exit_step_dialog::set_votes(int yes, int no, int abstain) {
    for_->setValue(yes);
    against_->setValue(no);
    abstain_->setValue(abstain);
}

void exit_step_dialog::set_acknowledgement(const QString& signed_by, const QString& witness) {
    signed_by_->setText(signed_by);
    witness_->setText(witness);
}

void exit_step_dialog::check() {
    problem_text_.clear();
    try {
        client::step_request step;
        fill(step);
        if (step.vote) common::check_exit_vote(*step.vote);
        if (step.acknowledgement) common::check_exit_acknowledgement(*step.acknowledgement);
        if (day_->date() > qt_date(common::today_in_china())) problem_text_ = tr("日期不能晚于今天。");
    } catch (const common::api_error& e) {
        problem_text_ = qt(e.message(ui_language()));
    }
    problem_->setText(problem_text_);
    ok_->setEnabled(problem_text_.isEmpty());
}

}  // namespace fupin::desktop
