#include "client/desktop/appraisal_dialog.hpp"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/api_client.hpp"
#include "client/desktop/api_worker.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/panel_editor.hpp"
#include "client/desktop/qt_text.hpp"
#include "common/api_error.hpp"
#include "common/china_date.hpp"
#include "common/display_text.hpp"
#include "common/procedure_input.hpp"
#include "common/vocabulary.hpp"

namespace fupin::desktop {
namespace {

// The table's columns: what the system ranked by, then what the panel decides.
enum column { proposed, head, income, priorities, final_rank, votes_for, votes_against, votes_abstain, columns };

QSpinBox* spin(QTableWidget* table, int row, int col) { return static_cast<QSpinBox*>(table->cellWidget(row, col)); }

}  // namespace

appraisal_dialog::appraisal_dialog(api_worker& api, std::string village_code, const QString& village_name, int year,
                                   QWidget* parent)
    : QDialog(parent), api_(api), village_code_(std::move(village_code)), year_(year) {
    setWindowTitle(tr("村民代表民主评议 — %1 %2年度").arg(village_name).arg(year));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("系统按“五比五看”给出建议排序（三优先在前，人均纯收入低者在前）。请录入评议小组、会议日期，"
                                "以及每户的评议排序和表决票数。"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    meeting_ = new QDateEdit(qt_date(common::today_in_china()), this);
    meeting_->setObjectName("meeting_date");
    meeting_->setCalendarPopup(true);
    meeting_->setDisplayFormat("yyyy-MM-dd");
    panel_ = new panel_editor(this);
    panel_->setMaximumHeight(120);
    form->addRow(tr("评议日期"), meeting_);
    form->addRow(tr("评议小组"), panel_);
    layout->addLayout(form);
    table_ = new QTableWidget(0, columns, this);
    table_->setObjectName("appraisal");
    table_->setHorizontalHeaderLabels({tr("建议排序"), tr("户主"), tr("人均纯收入（元）"), tr("三优先"), tr("评议排序"),
                                       tr("赞成"), tr("反对"), tr("弃权")});
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(table_, 1);
    problem_ = new QLabel(tr("正在读取系统建议排序…"), this);
    problem_->setObjectName("appraisal_problem");
    problem_->setWordWrap(true);
    problem_->setStyleSheet("color: #b71c1c;");
    layout->addWidget(problem_);
    auto* buttons = new QDialogButtonBox(this);
    record_ = buttons->addButton(tr("记录评议结果"), QDialogButtonBox::AcceptRole);
    record_->setObjectName("record_appraisal");
    record_->setEnabled(false);
    buttons->addButton(tr("取消"), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(record_, &QPushButton::clicked, this, &appraisal_dialog::record);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(panel_, &QPlainTextEdit::textChanged, this, &appraisal_dialog::check);
    connect(meeting_, &QDateEdit::dateChanged, this, &appraisal_dialog::check);
    resize(820, 560);

    api_.call<std::vector<common::ranking_entry>>(
        this, [village = village_code_, year](client::api_client& api) { return api.appraisal_proposal(village, year); },
        [this](std::vector<common::ranking_entry> proposal) {
            proposal_ = std::move(proposal);
            ready_ = true;
            show_proposal();
        },
        [this](const client::client_error& e) { problem_->setText(error_message(e)); });
}

void appraisal_dialog::show_proposal() {
    table_->setRowCount(rows());
    const int n = rows();
    for (int row = 0; row < n; ++row) {
        const auto& e = proposal_[static_cast<std::size_t>(row)];
        table_->setItem(row, proposed, new QTableWidgetItem(QString::number(e.rank)));
        table_->setItem(row, head, new QTableWidgetItem(qt(e.head_name)));
        table_->setItem(row, income, new QTableWidgetItem(qt(common::format_amount(e.per_capita_net_income))));
        table_->setItem(row, priorities, new QTableWidgetItem(e.priorities > 0 ? QString::number(e.priorities) : QString()));
        for (int col : {final_rank, votes_for, votes_against, votes_abstain}) {
            auto* box = new QSpinBox(table_);
            box->setObjectName(QStringLiteral("cell_%1_%2").arg(row).arg(col));
            box->setRange(col == final_rank ? 1 : 0, col == final_rank ? std::max(n, 1) : static_cast<int>(common::max_panel_size));
            box->setValue(col == final_rank ? e.rank : 0);  // the panel starts from the system's ranking
            connect(box, &QSpinBox::valueChanged, this, &appraisal_dialog::check);
            table_->setCellWidget(row, col, box);
        }
    }
    table_->resizeColumnsToContents();
    table_->horizontalHeader()->setSectionResizeMode(head, QHeaderView::Stretch);
    check();
}

void appraisal_dialog::set_result(int row, int rank, int yes, int no, int abstain) {
    spin(table_, row, final_rank)->setValue(rank);
    spin(table_, row, votes_for)->setValue(yes);
    spin(table_, row, votes_against)->setValue(no);
    spin(table_, row, votes_abstain)->setValue(abstain);
}

common::appraisal appraisal_dialog::value() const {
    common::appraisal a;
    a.village_code = village_code_;
    a.year = year_;
    a.meeting_date = day_text(meeting_->date());
    a.panel = panel_->names();
    for (int row = 0; row < rows(); ++row)
        a.results.push_back({proposal_[static_cast<std::size_t>(row)].application_id, 0,
                             spin(table_, row, final_rank)->value(), spin(table_, row, votes_for)->value(),
                             spin(table_, row, votes_against)->value(), spin(table_, row, votes_abstain)->value()});
    return a;
}

void appraisal_dialog::check() {
    if (!ready_) return;
    problem_text_.clear();
    if (proposal_.empty()) problem_text_ = tr("本村本年度没有等待评议的案件。");
    else
        try {
            const auto a = value();
            common::check_panel(a.panel);
            std::vector<std::int64_t> verified;
            for (const auto& e : proposal_) verified.push_back(e.application_id);
            common::check_appraisal_results(a.results, verified, a.panel.size());
            // The server refuses a meeting after its day; the dialog says it first.
            if (meeting_->date() > qt_date(common::today_in_china())) problem_text_ = tr("评议日期不能晚于今天。");
        } catch (const common::api_error& e) {
            problem_text_ = qt(e.message(ui_language()));
        }
    problem_->setText(problem_text_);
    record_->setEnabled(!busy_ && problem_text_.isEmpty());
}

void appraisal_dialog::record() {
    check();
    if (busy_ || !problem_text_.isEmpty()) return;
    busy_ = true;
    record_->setEnabled(false);
    problem_->setText(tr("正在记录…"));
    api_.call<common::appraisal>(
        this, [a = value()](client::api_client& api) { return api.create_appraisal(a); },
        [this](common::appraisal done) {
            busy_ = false;
            emit recorded(done);
            accept();
        },
        [this](const client::client_error& e) {
            busy_ = false;
            problem_text_ = error_message(e);
            problem_->setText(problem_text_);
            record_->setEnabled(true);
        });
}

}  // namespace fupin::desktop
