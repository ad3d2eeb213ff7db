#include "client/desktop/case_queue.hpp"

#include <algorithm>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/api_worker.hpp"
#include "client/desktop/appraisal_dialog.hpp"
#include "client/desktop/exit_step_dialog.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/qt_text.hpp"
#include "client/desktop/read_only_table.hpp"
#include "common/application_workflow.hpp"
#include "common/display_text.hpp"
#include "common/vocabulary.hpp"

namespace fupin::desktop {
namespace {

namespace voc = common::vocabulary;
using common::application_workflow;
namespace action = common::procedure_action;

// Steps that carry a record, taken through their dialog: the village's appraisal meeting (all its cases at once),
// an exit's vote and the household's acknowledgement.
bool needs_more_than_a_click(const common::workflow_transition& t) {
    return t.action == action::appraise || t.takes_vote || t.takes_acknowledgement;
}

// The posting a "post" step publishes, and the area it is published for.
std::pair<std::string, std::string> posting_of(const common::application& a, std::string_view to_state) {
    std::string level;
    if (to_state == common::application_state::announced) level = "result";
    else if (const auto l = application_workflow::posting_level_of(to_state)) level = std::string(*l);
    const auto area_level = application_workflow::posting_area_level(level);
    const auto area = area_level == "village" ? a.village_code : area_level == "township" ? a.township_code
                                                                                          : a.township_code.substr(0, 6);
    return {level, area};
}

}  // namespace

case_queue::case_queue(api_worker& api, std::string role, std::string area, QWidget* parent)
    : QWidget(parent), api_(api), role_(std::move(role)), area_(std::move(area)) {
    for (const auto& t : application_workflow::transitions())
        if (!t.from_state.empty() && common::role_in(role_, t.roles) &&
            std::find(states_.begin(), states_.end(), t.from_state) == states_.end())
            states_.emplace_back(t.from_state);
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    status_ = new QLabel(this);
    status_->setObjectName("queue_status");
    auto* reload = new QPushButton(tr("刷新"), this);
    top->addWidget(status_, 1);
    top->addWidget(reload);
    layout->addLayout(top);
    table_ = read_only_table({tr("案件"), tr("户主"), tr("村"), tr("年度"), tr("类型"), tr("当前状态"), tr("人均纯收入（元）")},
                             "queue", this);
    layout->addWidget(table_, 1);
    actions_ = new QHBoxLayout;
    layout->addLayout(actions_);
    connect(reload, &QPushButton::clicked, this, &case_queue::refresh);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &case_queue::show_actions);
    refresh();
}

void case_queue::refresh() {
    if (states_.empty()) {
        status_->setText(tr("您的角色在识别和退出程序中没有待办。"));
        return;
    }
    if (!reads_.start()) return;
    status_->setText(tr("正在载入…"));
    const auto states = states_;
    api_.call<std::vector<common::application>>(
        this,
        [states](client::api_client& api) {
            std::vector<common::application> out;
            for (const auto& state : states) {
                common::application_filter f;
                f.state = state;
                f.page_size = 500;
                for (auto& a : api.list_applications(f).items) out.push_back(std::move(a));
            }
            return out;
        },
        [this](std::vector<common::application> cases) {
            cases_ = std::move(cases);
            show_cases();
            emit changed(size());
            if (reads_.finish()) refresh();
        },
        [this](const client::client_error& e) {
            status_->setText(error_message(e));
            if (reads_.finish()) refresh();
        });
}

void case_queue::show_cases() {
    const auto lang = ui_language();
    table_->setRowCount(static_cast<int>(cases_.size()));
    for (std::size_t i = 0; i < cases_.size(); ++i) {
        const auto& a = cases_[i];
        const QStringList cells{QString::number(a.id),
                                qt(a.head_name),
                                qt(a.village_name.empty() ? a.village_code : a.village_name),
                                QString::number(a.year),
                                qt(common::label_or_code(voc::case_kinds, a.kind, lang)),
                                qt(common::label_or_code(voc::application_states, a.state, lang)) +
                                    (a.open_objections > 0 ? tr("（有 %1 件异议待答复）").arg(a.open_objections) : QString()),
                                qt(common::format_amount(a.per_capita_net_income))};
        set_row(table_, static_cast<int>(i), cells);
    }
    table_->resizeColumnsToContents();
    status_->setText(cases_.empty() ? tr("没有等待您办理的案件。") : tr("等待您办理的案件：%1 件").arg(cases_.size()));
    show_actions();
}

std::vector<std::string> case_queue::actions_for(const common::application& a) const {
    std::vector<std::string> out;
    for (const auto* t : application_workflow::next_steps(a.state))
        if (common::role_in(role_, t->roles) && !needs_more_than_a_click(*t)) out.emplace_back(t->action);
    if (common::role_in(role_, application_workflow::refusers(a.state))) {
        out.emplace_back(action::refuse);
        if (application_workflow::return_target(a.state)) out.emplace_back(action::send_back);
    }
    return out;
}

void case_queue::show_actions() {
    // Later, not now: this may run from a nested event loop (a reason asked by a dialog) inside a button's own click.
    while (auto* item = actions_->takeAt(0)) {
        if (auto* w = item->widget()) {
            w->hide();
            w->setObjectName({});  // gone for whoever looks it up by name meanwhile
            w->deleteLater();
        }
        delete item;
    }
    const int row = table_->currentRow();
    if (row < 0 || row >= static_cast<int>(cases_.size())) return;
    const auto& a = cases_[static_cast<std::size_t>(row)];
    for (const auto& code : actions_for(a)) {
        const bool posting = code == action::post;
        auto* button = new QPushButton(posting ? tr("发布公示")
                                               : qt(common::label_or_code(voc::procedure_actions, code, ui_language())),
                                       this);
        button->setObjectName(qt("step_" + code));
        connect(button, &QPushButton::clicked, this, [this, row, code] { take(row, code); });
        actions_->addWidget(button);
        button->show();  // a layout shows what it is given only later, from the event loop
    }
    for (const auto* t : application_workflow::next_steps(a.state))
        if (common::role_in(role_, t->roles) && needs_more_than_a_click(*t)) {
            auto* button = new QPushButton(
                qt(common::label_or_code(voc::procedure_actions, std::string(t->action), ui_language())) + tr("…"), this);
            button->setObjectName(qt("step_" + std::string(t->action)));
            connect(button, &QPushButton::clicked, this, [this, a, t] { open_step_dialog(a, *t); });
            actions_->addWidget(button);
            button->show();
        }
    actions_->addStretch(1);
}

void case_queue::take(int row, const std::string& code, const QString& given_reason) {
    if (row < 0 || row >= static_cast<int>(cases_.size())) return;
    const auto a = cases_[static_cast<std::size_t>(row)];
    QString reason = given_reason;
    if ((code == action::refuse || code == action::send_back) && reason.isEmpty()) {
        bool ok = false;
        reason = QInputDialog::getMultiLineText(this, code == action::refuse ? tr("不予通过") : tr("退回"),
                                                tr("请填写理由（将记入案件历史并通知相关人员）："), {}, &ok);
        if (!ok || reason.trimmed().isEmpty()) return;
    }
    status_->setText(tr("正在办理…"));
    if (code == action::post) {
        std::string to_state;
        for (const auto* t : application_workflow::next_steps(a.state))
            if (t->action == action::post) to_state = std::string(t->to_state);
        const auto [level, area] = posting_of(a, to_state);
        client::posting_request request{level, area, a.year, {}};
        api_.call<common::posting>(
            this, [request](client::api_client& api) { return api.create_posting(request); },
            [this](common::posting p) {
                status_->setText(tr("已发布公示（%1 户），公示期至 %2。").arg(p.entries.size()).arg(qt(p.last_day)));
                refresh();
            },
            [this](const client::client_error& e) { status_->setText(error_message(e)); });
        return;
    }
    client::step_request step;
    step.action = code;
    step.reason = text_of(reason.trimmed());
    send_step(a, std::move(step));
}

void case_queue::open_step_dialog(const common::application& a, const common::workflow_transition& t) {
    if (step_dialog_) step_dialog_->close();
    const auto village = qt(a.village_name.empty() ? a.village_code : a.village_name);
    if (t.takes_vote || t.takes_acknowledgement) {
        auto* dialog = new exit_step_dialog(t.takes_vote ? exit_step_dialog::kind::vote
                                                         : exit_step_dialog::kind::acknowledgement,
                                            tr("%1（%2）").arg(qt(a.head_name), village), this);
        connect(dialog, &QDialog::accepted, this, [this, a, dialog, action = std::string(t.action)] {
            client::step_request step;
            step.action = action;
            dialog->fill(step);
            send_step(a, std::move(step));
        });
        step_dialog_ = dialog;
    } else {
        auto* dialog = new appraisal_dialog(api_, a.village_code, village, a.year, this);
        connect(dialog, &appraisal_dialog::recorded, this, [this](const common::appraisal& done) {
            status_->setText(tr("已记录民主评议结果（%1 户）。").arg(done.results.size()));
            refresh();
        });
        step_dialog_ = dialog;
    }
    step_dialog_->setAttribute(Qt::WA_DeleteOnClose);
    step_dialog_->open();
}

void case_queue::send_step(const common::application& a, client::step_request step) {
    step.version = a.version;
    status_->setText(tr("正在办理…"));
    api_.call<common::application>(
        this, [id = a.id, step](client::api_client& api) { return api.take_step(id, step); },
        [this](common::application done) {
            status_->setText(tr("案件 %1 已办理：%2。")
                                 .arg(done.id)
                                 .arg(qt(common::label_or_code(voc::application_states, done.state, ui_language()))));
            refresh();
        },
        [this](const client::client_error& e) { status_->setText(error_message(e)); });
}

}  // namespace fupin::desktop
