#include "client/desktop/pairing_queue.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/api_worker.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/pairing_dialog.hpp"
#include "client/desktop/qt_text.hpp"
#include "client/desktop/read_only_table.hpp"
#include "common/china_date.hpp"

namespace fupin::desktop {

pairing_queue::pairing_queue(api_worker& api, std::string area, const std::vector<common::area>& areas,
                             QWidget* parent)
    : QWidget(parent), api_(api), area_(std::move(area)) {
    for (const auto& a : areas) area_names_[a.code] = a.name;
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    status_ = new QLabel(this);
    status_->setObjectName("pairing_status");
    auto* reload = new QPushButton(tr("刷新"), this);
    top->addWidget(status_, 1);
    top->addWidget(reload);
    layout->addLayout(top);
    table_ = read_only_table({tr("户主"), tr("村"), tr("户编号")}, "unpaired", this);
    layout->addWidget(table_, 1);
    auto* actions = new QHBoxLayout;
    pair_ = new QPushButton(tr("结对…"), this);
    pair_->setObjectName("pair_helper");
    pair_->setEnabled(false);
    actions->addWidget(pair_);
    actions->addStretch(1);
    layout->addLayout(actions);
    connect(reload, &QPushButton::clicked, this, &pairing_queue::refresh);
    connect(pair_, &QPushButton::clicked, this, [this] { pair(table_->currentRow()); });
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { pair(row); });
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        pair_->setEnabled(table_->currentRow() >= 0 && table_->currentRow() < static_cast<int>(households_.size()));
    });
    refresh();
}

void pairing_queue::refresh() {
    if (!reads_.start()) return;
    status_->setText(tr("正在载入…"));
    // This year's: a household helped this year needs its helper now.
    const int year = static_cast<int>(common::today_in_china().year());
    api_.call<common::sandaohu_report>(
        this,
        [area = area_, year](client::api_client& api) { return api.sandaohu(area, year, listed_at_most, "responsibility"); },
        [this](common::sandaohu_report report) {
            households_ = std::move(report.gaps);
            total_ = report.gaps_total;
            show_households();
            emit changed(size());
            if (reads_.finish()) refresh();
        },
        [this](const client::client_error& e) {
            status_->setText(error_message(e));
            if (reads_.finish()) refresh();
        });
}

void pairing_queue::show_households() {
    table_->setRowCount(static_cast<int>(households_.size()));
    for (std::size_t i = 0; i < households_.size(); ++i) {
        const auto& h = households_[i];
        const auto village = area_names_.find(h.village_code);
        set_row(table_, static_cast<int>(i),
                {qt(h.head_name), qt(village != area_names_.end() ? village->second : h.village_code),
                 QString::number(h.household_id)});
    }
    table_->resizeColumnsToContents();
    pair_->setEnabled(false);
    if (total_ == 0) status_->setText(tr("每户都有帮扶责任人。"));
    else if (total_ > static_cast<int>(households_.size()))
        status_->setText(tr("尚无帮扶责任人的农户 %1 户，列出前 %2 户。").arg(total_).arg(households_.size()));
    else status_->setText(tr("尚无帮扶责任人的农户 %1 户。").arg(total_));
}

void pairing_queue::pair(int row) {
    if (row < 0 || row >= static_cast<int>(households_.size())) return;
    if (dialog_ && dialog_->sending()) return;  // its answer first
    if (dialog_) dialog_->close();
    const auto& h = households_[static_cast<std::size_t>(row)];
    dialog_ = new pairing_dialog(api_, h.household_id, qt(h.head_name), this);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &pairing_dialog::paired, this, [this](const common::pairing& p) {
        status_->setText(tr("%1 已与 %2 结对。").arg(qt(p.head_name), qt(p.helper_name)));
        refresh();
    });
    dialog_->open();
}

}  // namespace fupin::desktop
