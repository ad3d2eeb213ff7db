#include "client/desktop/review_queue.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/api_worker.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/qt_text.hpp"
#include "client/desktop/read_only_table.hpp"
#include "client/desktop/window_language.hpp"
#include "common/area.hpp"
#include "common/display_text.hpp"
#include "common/vocabulary.hpp"

namespace fupin::desktop {

review_queue::review_queue(api_worker& api, std::string area, QWidget* parent)
    : QWidget(parent), api_(api), area_(std::move(area)), flagged_only_(common::area_level_of_code(area_) != "village") {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    status_ = new QLabel(this);
    status_->setObjectName("review_status");
    status_->setWordWrap(true);
    auto* reload = new QPushButton(tr("刷新"), this);
    top->addWidget(status_, 1);
    top->addWidget(reload);
    layout->addLayout(top);
    table_ = read_only_table({tr("户主"), tr("村"), tr("开轮时人数"), tr("开轮时人均纯收入（元）"), tr("状态")},
                             "review_entries", this);
    layout->addWidget(table_, 1);
    auto* actions = new QHBoxLayout;
    enter_ = new QPushButton(tr("录入…"), this);
    enter_->setObjectName("enter_review");
    enter_->setEnabled(false);
    actions->addWidget(enter_);
    actions->addStretch(1);
    layout->addLayout(actions);
    connect(reload, &QPushButton::clicked, this, &review_queue::refresh);
    connect(enter_, &QPushButton::clicked, this, [this] { enter(table_->currentRow()); });
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { enter(row); });
    connect(table_, &QTableWidget::itemSelectionChanged, this,
            [this] { enter_->setEnabled(table_->currentRow() >= 0 && table_->currentRow() < size()); });
    refresh();
}

void review_queue::refresh() {
    if (!reads_.start()) return;
    status_->setText(tr("正在载入…"));
    using answer = std::pair<std::optional<common::review_round>, std::vector<common::review_entry>>;
    api_.call<answer>(
        this,
        [flagged = flagged_only_](client::api_client& api) {
            answer out;
            const auto rounds = api.list_review_rounds();  // newest first
            if (rounds.empty()) return out;
            out.first = rounds.front();
            out.second = api.review_entries(rounds.front().id, "", flagged ? "flagged" : "outstanding");
            return out;
        },
        [this](answer read) {
            round_ = std::move(read.first);
            entries_ = std::move(read.second);
            show_entries();
            emit changed(size());
            if (reads_.finish()) refresh();
        },
        [this](const client::client_error& e) {
            status_->setText(error_message(e));
            if (reads_.finish()) refresh();
        });
}

void review_queue::show_entries() {
    const auto lang = ui_language();
    table_->setRowCount(size());
    for (int i = 0; i < size(); ++i) {
        const auto& e = entries_[static_cast<std::size_t>(i)];
        // Not entered yet, or what the entry was judged; a household another department's list holds reads 疑点
        // entered or not, with the list's reasons.
        QString state = e.entered_at_ms == 0 ? tr("未录入") : qt(common::label_or_code(common::vocabulary::review_outcomes,
                                                                                       e.outcome, lang));
        QStringList reasons;
        for (const auto& r : e.reasons) reasons << qt(r.text(lang));
        if (!reasons.isEmpty()) state += tr("：%1").arg(reasons.join(tr("；")));
        set_row(table_, i,
                {qt(e.head_name), qt(e.village_name.empty() ? e.village_code : e.village_name),
                 QString::number(e.size_before), qt(common::format_amount(e.per_capita_before)), state});
    }
    table_->resizeColumnsToContents();
    enter_->setEnabled(false);
    if (!round_) {
        status_->setText(tr("目前没有半年审核轮次。"));
        return;
    }
    const auto title = tr("%1年%2审核调整，%3截止")
                           .arg(round_->year)
                           .arg(round_->half == 1 ? tr("上半年") : tr("下半年"))
                           .arg(qt(round_->deadline));
    if (flagged_only_)
        status_->setText(entries_.empty() ? tr("%1：没有待核实的疑点户。").arg(title)
                                          : tr("%1：疑点户 %2 户，请入户核实后重新录入（村里不能再录入）。").arg(title).arg(size()));
    else
        status_->setText(entries_.empty() ? tr("%1：本村农户已全部录入。").arg(title)
                                          : tr("%1：尚未录入 %2 户。").arg(title).arg(size()));
}

void review_queue::enter(int row) {
    if (!round_ || row < 0 || row >= size()) return;
    emit open_entry(*round_, entries_[static_cast<std::size_t>(row)].household_id);
}

}  // namespace fupin::desktop
