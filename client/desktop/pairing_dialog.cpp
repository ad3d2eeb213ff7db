#include "client/desktop/pairing_dialog.hpp"

#include <algorithm>

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/desktop/api_worker.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/qt_text.hpp"
#include "client/desktop/window_language.hpp"
#include "common/display_text.hpp"
#include "common/vocabulary.hpp"

namespace fupin::desktop {
namespace {

// Nearest the household first: the list runs 省直 … 村级.
int nearness(const common::helper& h) {
    const auto& levels = common::vocabulary::helper_unit_levels.entries;
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (levels[i].code == h.unit_level) return static_cast<int>(i);
    return -1;
}

}  // namespace

pairing_dialog::pairing_dialog(api_worker& api, std::int64_t household_id, const QString& household, QWidget* parent)
    : QDialog(parent), api_(api), household_id_(household_id) {
    setWindowTitle(tr("结对帮扶 — %1").arg(household));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    helper_ = new QComboBox(this);
    helper_->setObjectName("pairing_helper");
    helper_->setEditable(true);  // a county has hundreds: typed, part of a name or a unit finds him
    helper_->setInsertPolicy(QComboBox::NoInsert);
    helper_->completer()->setFilterMode(Qt::MatchContains);
    helper_->completer()->setCompletionMode(QCompleter::PopupCompletion);
    helper_->setMinimumWidth(420);
    reason_ = new QLineEdit(tr("建档立卡贫困户结对帮扶"), this);
    reason_->setObjectName("pairing_reason");
    reason_->setMaxLength(500);
    form->addRow(tr("帮扶责任人"), helper_);
    form->addRow(tr("结对理由"), reason_);
    layout->addLayout(form);
    problem_ = new QLabel(tr("正在读取帮扶责任人…"), this);
    problem_->setObjectName("pairing_problem");
    problem_->setWordWrap(true);
    layout->addWidget(problem_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(tr("结对"));
    ok_->setObjectName("pairing_ok");
    ok_->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &pairing_dialog::pair);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(helper_, &QComboBox::currentIndexChanged, this, &pairing_dialog::check);
    connect(helper_, &QComboBox::editTextChanged, this, &pairing_dialog::check);
    connect(reason_, &QLineEdit::textChanged, this, &pairing_dialog::check);

    api_.call<std::vector<common::helper>>(
        this, [](client::api_client& api) { return api.list_helpers(0, false); },
        [this](std::vector<common::helper> all) {
            std::erase_if(all, [](const common::helper& h) { return !h.active; });  // an inactive one takes no one
            std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
                return nearness(a) != nearness(b) ? nearness(a) > nearness(b) : a.name < b.name;
            });
            helpers_ = std::move(all);
            const auto lang = ui_language();
            helper_->blockSignals(true);
            for (const auto& h : helpers_)
                helper_->addItem(tr("%1 — %2 %3（%4，已结对 %5 户）")
                                     .arg(qt(h.name), qt(h.unit_name), qt(h.post),
                                          qt(common::label_or_code(common::vocabulary::helper_unit_levels, h.unit_level, lang)))
                                     .arg(h.households),
                                 qlonglong(h.id));
            helper_->setCurrentIndex(helpers_.empty() ? -1 : 0);
            helper_->blockSignals(false);
            ready_ = true;
            check();
        },
        [this](const client::client_error& e) { problem_->setText(error_message(e)); });
}

void pairing_dialog::reject() {
    if (sending_) return;  // the answer is awaited: closing now would leave the clerk not knowing whether it paired
    QDialog::reject();
}

void pairing_dialog::choose(std::int64_t helper_id) {
    helper_->setCurrentIndex(helper_->findData(qlonglong(helper_id)));
}

QString pairing_dialog::problem() const { return problem_->text(); }

void pairing_dialog::check() {
    if (!ready_ || sending_) return;
    // An edited text that names no helper exactly chooses none.
    const bool chosen = helper_->currentIndex() >= 0 && helper_->currentText() == helper_->itemText(helper_->currentIndex());
    QString problem;
    if (helpers_.empty()) problem = tr("县里还没有在岗的帮扶责任人：请县扶贫办先登记。");
    else if (!chosen) problem = tr("请从列表中选择帮扶责任人。");
    else if (reason_->text().trimmed().isEmpty()) problem = tr("请填写结对理由。");
    problem_->setText(problem);
    problem_->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #b71c1c;"));
    ok_->setEnabled(problem.isEmpty());
}

void pairing_dialog::pair() {
    if (!ok_->isEnabled()) return;
    sending_ = true;
    ok_->setEnabled(false);
    problem_->setStyleSheet({});
    problem_->setText(tr("正在结对…"));
    const auto helper_id = helper_->currentData().toLongLong();
    api_.call<common::pairing>(
        this,
        [household = household_id_, helper_id, reason = text_of(reason_->text().trimmed())](client::api_client& api) {
            return api.pair_helper(household, helper_id, reason);
        },
        [this](common::pairing p) {
            sending_ = false;
            emit paired(p);
            accept();
        },
        [this](const client::client_error& e) {
            // 已满 5 户, two helpers already, …: the server's words; another helper may be chosen.
            sending_ = false;
            check();
            problem_->setText(error_message(e));
            problem_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
        });
}

}  // namespace fupin::desktop
