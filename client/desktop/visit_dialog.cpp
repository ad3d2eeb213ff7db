#include "client/desktop/visit_dialog.hpp"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/desktop/error_message.hpp"
#include "client/desktop/qt_text.hpp"
#include "client/desktop/vocabulary_combo.hpp"
#include "common/api_error.hpp"
#include "common/assistance_json.hpp"
#include "common/china_date.hpp"

namespace fupin::desktop {

visit_dialog::visit_dialog(const std::vector<common::pairing>& helpers, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("记录走访"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    helper_ = new QComboBox(this);
    helper_->setObjectName("visit_helper");
    for (const auto& p : helpers)
        helper_->addItem(tr("%1（%2）").arg(qt(p.helper_name), qt(p.unit_name)), qlonglong(p.helper_id));
    helper_->addItem(tr("（督查，不是帮扶责任人）"), qlonglong(0));
    kind_ = vocabulary_combo(common::vocabulary::visit_kinds, {}, this);
    kind_->setObjectName("visit_kind");
    day_ = new QDateEdit(qt_date(common::today_in_china()), this);
    day_->setObjectName("visited_on");
    day_->setCalendarPopup(true);
    day_->setDisplayFormat("yyyy-MM-dd");
    const auto text_box = [this](const char* name) {
        auto* box = new QPlainTextEdit(this);
        box->setObjectName(name);
        box->setMaximumHeight(80);
        connect(box, &QPlainTextEdit::textChanged, this, &visit_dialog::check);
        return box;
    };
    done_ = text_box("visit_done");
    situation_ = text_box("visit_situation");
    follow_up_ = text_box("visit_follow_up");
    form->addRow(tr("走访人"), helper_);
    form->addRow(tr("方式"), kind_);
    form->addRow(tr("走访日期"), day_);
    form->addRow(tr("帮扶内容"), done_);
    form->addRow(tr("户情况"), situation_);
    form->addRow(tr("后续安排"), follow_up_);
    layout->addLayout(form);
    problem_ = new QLabel(this);
    problem_->setObjectName("visit_problem");
    problem_->setWordWrap(true);
    problem_->setStyleSheet("color: #b71c1c;");
    layout->addWidget(problem_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setObjectName("visit_ok");
    ok_->setText(tr("记录"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("取消"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(day_, &QDateEdit::dateChanged, this, &visit_dialog::check);
    check();
    resize(520, 480);
}

common::visit visit_dialog::visit() const {
    common::visit v;
    v.helper_id = helper_->currentData().toLongLong();
    v.kind = selected_code(kind_);
    v.visited_on = day_text(day_->date());
    v.done = text_of(done_->toPlainText().trimmed());
    v.situation = text_of(situation_->toPlainText().trimmed());
    v.follow_up = text_of(follow_up_->toPlainText().trimmed());
    return v;
}

void visit_dialog::set_text(const QString& done, const QString& situation, const QString& follow_up) {
    done_->setPlainText(done);
    situation_->setPlainText(situation);
    follow_up_->setPlainText(follow_up);
}

void visit_dialog::check() {
    problem_text_.clear();
    try {
        common::check_visit(visit());
        if (day_->date() > qt_date(common::today_in_china())) problem_text_ = tr("走访日期不能晚于今天。");
    } catch (const common::api_error& e) {
        problem_text_ = qt(e.message(ui_language()));
    }
    problem_->setText(problem_text_);
    ok_->setEnabled(problem_text_.isEmpty());
}

}  // namespace fupin::desktop
