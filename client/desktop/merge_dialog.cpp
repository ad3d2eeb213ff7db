#include "client/desktop/merge_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/qt_text.hpp"

namespace fupin::desktop {
namespace {

constexpr int choice_column = 3;

}  // namespace

merge_dialog::merge_dialog(household_merge merge, QWidget* parent) : QDialog(parent), merge_(std::move(merge)) {
    setWindowTitle(tr("合并修改 — %1").arg(qt(merge_.theirs().head_name)));
    auto* layout = new QVBoxLayout(this);
    int conflicts = 0;
    for (const auto& d : merge_.differences()) conflicts += d.conflict() ? 1 : 0;
    auto* intro = new QLabel(
        tr("您保存之前，此户已被他人修改并保存（现为第 %1 版）。下表是双方不同的地方：只有一方改过的，已预选改动的一方；"
           "双方都改过的 %2 项以红色标出，请逐项选定。确定后请检查表单，再点“保存”。")
            .arg(merge_.theirs().version)
            .arg(conflicts),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    table_ = new QTableWidget(static_cast<int>(merge_.differences().size()), 4, this);
    table_->setObjectName("merge");
    table_->setHorizontalHeaderLabels({tr("项目"), tr("他人保存的"), tr("我填写的"), tr("采用")});
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(true);
    const auto keep = merge_.default_keep_mine();
    for (int row = 0; row < rows(); ++row) {
        const auto& d = merge_.differences()[static_cast<std::size_t>(row)];
        auto* label = new QTableWidgetItem(merge_.item(d).label);
        if (d.conflict()) {
            label->setForeground(QColor(0xb7, 0x1c, 0x1c));
            label->setToolTip(tr("双方都改过此项"));
        }
        table_->setItem(row, 0, label);
        table_->setItem(row, 1, new QTableWidgetItem(merge_.item(d).show(merge_.theirs())));
        table_->setItem(row, 2, new QTableWidgetItem(merge_.item(d).show(merge_.mine())));
        auto* choice = new QComboBox(table_);
        choice->setObjectName(QStringLiteral("choice_%1").arg(row));
        choice->addItem(tr("他人保存的"), false);
        choice->addItem(tr("我填写的"), true);
        choice->setCurrentIndex(keep[static_cast<std::size_t>(row)] ? 1 : 0);
        table_->setCellWidget(row, choice_column, choice);
    }
    table_->resizeColumnsToContents();
    table_->resizeRowsToContents();
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    layout->addWidget(table_, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("合并到表单"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName("merge_ok");
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("暂不合并"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(860, 480);
}

int merge_dialog::rows() const { return static_cast<int>(merge_.differences().size()); }

bool merge_dialog::keeps_mine(int row) const {
    return static_cast<QComboBox*>(table_->cellWidget(row, choice_column))->currentData().toBool();
}

void merge_dialog::keep_mine(int row, bool mine) {
    static_cast<QComboBox*>(table_->cellWidget(row, choice_column))->setCurrentIndex(mine ? 1 : 0);
}

common::household merge_dialog::merged() const {
    std::vector<bool> keep;
    for (int row = 0; row < rows(); ++row) keep.push_back(keeps_mine(row));
    return merge_.merged(keep);
}

}  // namespace fupin::desktop
