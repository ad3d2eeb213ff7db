#include "client/desktop/identification_panel.hpp"

#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/api_client.hpp"
#include "client/desktop/api_worker.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/qt_text.hpp"
#include "client/procedure_printer.hpp"
#include "common/china_date.hpp"
#include "common/display_text.hpp"
#include "common/identification_rules.hpp"
#include "common/vocabulary.hpp"

namespace fupin::desktop {
namespace {

// A case is opened for the year it is applied in; the incomes judged are that year's or the last one's.
int application_year() { return static_cast<int>(common::today_in_china().year()); }

}  // namespace

identification_panel::identification_panel(api_worker& api, QWidget* parent)
    : QGroupBox(tr("识别条件预审"), parent), api_(api) {
    setObjectName("identification");
    auto* layout = new QVBoxLayout(this);
    verdict_ = new QLabel(tr("正在读取扶贫标准…"), this);
    verdict_->setObjectName("verdict");
    verdict_->setWordWrap(true);
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(verdict_);
    apply_ = new QPushButton(tr("申请识别…"), this);
    apply_->setObjectName("apply");
    apply_->setEnabled(false);
    apply_->setToolTip(tr("保存后可提交识别申请"));
    layout->addWidget(apply_, 0, Qt::AlignLeft);
    status_ = new QLabel(this);
    status_->setObjectName("apply_status");
    status_->setWordWrap(true);
    layout->addWidget(status_);
    connect(apply_, &QPushButton::clicked, this, [this] { apply(); });

    api_.call<std::vector<common::poverty_line>>(
        this, [](client::api_client& api) { return api.list_poverty_lines(); },
        [this](std::vector<common::poverty_line> lines) {
            for (const auto& l : lines) lines_[l.year] = l.amount;
            lines_read_ = true;
            if (last_) show_verdict(*last_);
        },
        [this](const client::client_error& e) { verdict_->setText(tr("无法读取扶贫标准：%1").arg(error_message(e))); });
}

void identification_panel::show_verdict(const common::household& h) {
    last_ = h;
    if (!lines_read_) return;
    const int year = application_year();
    const auto line = lines_.find(year);
    if (line == lines_.end()) {
        show_line_missing();
        return;
    }
    const auto v = common::identification_rules::judge(h, line->second, year);
    verdict_->setText(qt(client::procedure_printer(ui_language()).verdict(v)).trimmed());
    verdict_->setStyleSheet(v.eligible ? "color: #1b5e20;" : "color: #b71c1c;");
}

void identification_panel::show_line_missing() {
    verdict_->setText(tr("%1年度的扶贫标准尚未设定，暂不能预审。请县级管理员先设定扶贫标准。").arg(application_year()));
    verdict_->setStyleSheet({});
}

void identification_panel::set_saved(std::int64_t household_id, bool unchanged) {
    household_id_ = household_id;
    unchanged_ = unchanged;
    apply_->setEnabled(!busy_ && household_id_ > 0 && unchanged_);
    apply_->setToolTip(household_id_ > 0 && unchanged_ ? QString() : tr("保存后可提交识别申请"));
}

void identification_panel::apply(bool confirmed) {
    if (busy_ || household_id_ <= 0 || !unchanged_) return;
    busy_ = true;
    apply_->setEnabled(false);
    status_->setText(tr("正在读取县级服务器的判断…"));
    const auto id = household_id_;
    const int year = application_year();
    // The server's verdict, not the form's: it also weighs the departments' flags on the household's members.
    api_.call<common::identification_verdict>(
        this, [id, year](client::api_client& api) { return api.household_verdict(id, year); },
        [this, id, year, confirmed](common::identification_verdict v) {
            const auto text = qt(client::procedure_printer(ui_language()).verdict(v)).trimmed();
            QString note;
            if (!confirmed) {
                bool ok = false;
                note = QInputDialog::getMultiLineText(
                    this, tr("申请识别"),
                    text + "\n\n" + (v.eligible ? tr("提交%1年度的识别申请？可填写申请说明：").arg(year)
                                                : tr("规则判断不符合条件，仍可提交申请，由评议和审核决定。提交%1年度的识别申请？可填写申请说明：").arg(year)),
                    {}, &ok);
                if (!ok) {
                    busy_ = false;
                    status_->clear();
                    set_saved(household_id_, unchanged_);
                    return;
                }
            }
            api_.call<common::application>(
                this, [id, year, note = text_of(note.trimmed())](client::api_client& api) {
                    return api.create_application(id, year, note);
                },
                [this](common::application opened) {
                    busy_ = false;
                    status_->setText(tr("已提交识别申请（案件 %1，%2）。")
                                         .arg(opened.id)
                                         .arg(qt(common::label_or_code(common::vocabulary::application_states,
                                                                       opened.state, ui_language()))));
                    set_saved(household_id_, unchanged_);
                    emit applied(opened);
                },
                [this](const client::client_error& e) {
                    busy_ = false;
                    status_->setText(error_message(e));
                    set_saved(household_id_, unchanged_);
                });
        },
        [this](const client::client_error& e) {
            busy_ = false;
            status_->setText(error_message(e));
            set_saved(household_id_, unchanged_);
        });
}

QString identification_panel::verdict_text() const { return verdict_->text(); }
QString identification_panel::status_text() const { return status_->text(); }

}  // namespace fupin::desktop
