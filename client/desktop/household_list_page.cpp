#include "client/desktop/household_list_page.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "client/desktop/error_message.hpp"
#include "client/desktop/household_list_model.hpp"
#include "client/desktop/qt_text.hpp"
#include "client/desktop/document_dialog.hpp"
#include "client/desktop/vocabulary_combo.hpp"

namespace fupin::desktop {

household_list_page::household_list_page(api_worker& api, std::vector<common::area> areas, QWidget* parent)
    : QWidget(parent), api_(api), model_(new household_list_model(api, this)) {
    auto* layout = new QVBoxLayout(this);
    auto* filters = new QHBoxLayout;
    village_ = new QComboBox(this);
    village_->setObjectName("village_filter");
    village_->addItem(tr("全部村"), QString());
    int townships = 0;
    for (const auto& a : areas) {
        if (a.level == "village") village_->addItem(qt(a.name), qt(a.code));
        if (a.level == "township" && ++townships == 1) {
            township_code_ = a.code;
            township_name_ = qt(a.name);
        }
    }
    // The book is a township office's: the county's office, seeing every township, prints a village's register.
    if (townships != 1) township_code_.clear();
    status_ = vocabulary_combo(common::vocabulary::household_statuses, tr("全部状态"), this);
    status_->setObjectName("status_filter");
    cause_ = vocabulary_combo(common::vocabulary::poverty_causes, tr("全部致贫原因"), this);
    cause_->setObjectName("cause_filter");
    search_ = new QLineEdit(this);
    search_->setObjectName("search");
    search_->setPlaceholderText(tr("姓名或身份证号"));
    search_->setClearButtonEnabled(true);
    search_->setMaxLength(50);
    auto* find = new QPushButton(tr("查询"), this);
    find->setObjectName("find");
    auto* create = new QPushButton(tr("新建农户"), this);
    create->setObjectName("new_household");
    filters->addWidget(village_);
    filters->addWidget(status_);
    filters->addWidget(cause_);
    filters->addWidget(search_, 1);
    filters->addWidget(find);
    filters->addWidget(create);
    register_ = new QPushButton(this);
    register_->setObjectName("print_register");
    filters->addWidget(register_);
    connect(register_, &QPushButton::clicked, this, &household_list_page::print_register);
    connect(village_, &QComboBox::currentIndexChanged, this, &household_list_page::show_register_button);
    show_register_button();
    layout->addLayout(filters);

    view_ = new QTableView(this);
    view_->setObjectName("households");
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->verticalHeader()->setVisible(false);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setAlternatingRowColors(true);
    // Widths from the font, not from the rows: measuring 10,000 rows would make the list slow to open.
    const auto width = [this](const char* sample) { return view_->fontMetrics().horizontalAdvance(QString::fromUtf8(sample)) + 24; };
    const char* samples[] = {"欧阳大山山", "人口", "城关村村村", "一组组组", "已脱贫退出", "缺劳动力力",
                             "人均纯收入（元）", "2026-12-07 10:00:00"};
    for (int c = 0; c < model_->columnCount(); ++c) view_->setColumnWidth(c, width(samples[c]));
    layout->addWidget(view_, 1);
    count_ = new QLabel(this);
    count_->setObjectName("count");
    layout->addWidget(count_);

    connect(find, &QPushButton::clicked, this, &household_list_page::search);
    connect(search_, &QLineEdit::returnPressed, this, &household_list_page::search);
    for (auto* combo : {village_, status_, cause_})
        connect(combo, &QComboBox::currentIndexChanged, this, &household_list_page::search);
    connect(create, &QPushButton::clicked, this, &household_list_page::new_household);
    connect(view_, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { emit open_household(model_->at(index.row()).id); });
    connect(model_, &household_list_model::page_loaded, this, &household_list_page::show_count);
    connect(model_, &QAbstractItemModel::rowsInserted, this, &household_list_page::show_count);
    connect(model_, &household_list_model::failed, this,
            [this](const QString& message) { count_->setText(tr("载入失败：%1").arg(message)); });
}

void household_list_page::show_count() {
    const int rows = model_->rowCount();
    auto text = model_->has_more() ? tr("已载入 %1 户，向下滚动载入更多").arg(rows) : tr("共 %1 户").arg(rows);
    if (not_shown_ > 0) text += tr("；另有 %1 户档案在别处有变化，点“查询”刷新列表。").arg(not_shown_);
    count_->setText(text);
}

void household_list_page::note_changes_not_shown(int files) {
    not_shown_ += files;
    show_count();
}

void household_list_page::search() {
    common::household_filter f;
    f.village_code = text_of(village_->currentData().toString());
    f.status = text_of(status_->currentData().toString());
    f.main_cause = text_of(cause_->currentData().toString());
    f.search = text_of(search_->text().trimmed());
    count_->setText(tr("正在载入…"));
    not_shown_ = 0;
    model_->set_filter(std::move(f));
}

void household_list_page::show_register_button() {
    const bool village = !village_->currentData().toString().isEmpty();
    register_->setText(village || township_code_.empty() ? tr("打印村册…") : tr("打印乡镇簿…"));
    register_->setEnabled(village || !township_code_.empty());
}

void household_list_page::print_register() {
    const auto village = village_->currentData().toString();
    const auto code = village.isEmpty() ? township_code_ : text_of(village);
    if (code.empty()) return;
    const auto name = village.isEmpty() ? township_name_ : village_->currentText();
    open_document(api_, "/api/v1/areas/" + code + "/register?format=pdf",
                  village.isEmpty() ? tr("乡镇簿 — %1").arg(name) : tr("村册 — %1").arg(name),
                  village.isEmpty() ? tr("%1-乡镇簿.pdf").arg(qt(code)) : tr("%1-村册.pdf").arg(qt(code)), this);
}

}  // namespace fupin::desktop
