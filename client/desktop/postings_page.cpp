#include "client/desktop/postings_page.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/api_worker.hpp"
#include "client/desktop/document_dialog.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/objection_answer_dialog.hpp"
#include "client/desktop/objection_dialog.hpp"
#include "client/desktop/qt_text.hpp"
#include "client/desktop/read_only_table.hpp"
#include "client/procedure_printer.hpp"
#include "common/china_date.hpp"
#include "common/display_text.hpp"
#include "common/posting_period.hpp"
#include "common/posting_title.hpp"
#include "common/vocabulary.hpp"

namespace fupin::desktop {
namespace {

namespace voc = common::vocabulary;

}  // namespace

postings_page::postings_page(api_worker& api, std::string area, QWidget* parent)
    : QWidget(parent), api_(api), area_(std::move(area)) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("年度"), this));
    year_ = new QSpinBox(this);
    year_->setObjectName("posting_year");
    year_->setRange(2000, 2100);
    year_->setValue(static_cast<int>(common::today_in_china().year()));
    top->addWidget(year_);
    status_ = new QLabel(this);
    status_->setObjectName("postings_status");
    status_->setWordWrap(true);
    top->addWidget(status_, 1);
    auto* reload = new QPushButton(tr("刷新"), this);
    top->addWidget(reload);
    layout->addLayout(top);

    auto* split = new QSplitter(Qt::Vertical, this);
    postings_table_ = read_only_table({tr("公示"), tr("发布日期"), tr("公示期至"), tr("剩余")}, "postings", split);
    entries_ = read_only_table({tr("序号"), tr("户主"), tr("村"), tr("组"), tr("人口"), tr("人均纯收入（元）"), tr("主要致贫原因"),
                           tr("评议排序")},
                          "posting_entries", split);
    auto* lower = new QWidget(split);
    auto* lower_layout = new QVBoxLayout(lower);
    lower_layout->setContentsMargins(0, 0, 0, 0);
    objections_table_ = read_only_table({tr("编号"), tr("异议人"), tr("提出日期"), tr("理由"), tr("状态"), tr("答复")},
                                   "objections", lower);
    lower_layout->addWidget(objections_table_, 1);
    auto* buttons = new QHBoxLayout;
    object_ = new QPushButton(tr("登记异议…"), lower);
    object_->setObjectName("record_objection");
    answer_ = new QPushButton(tr("答复异议…"), lower);
    answer_->setObjectName("answer_objection");
    buttons->addWidget(object_);
    buttons->addWidget(answer_);
    auto* print = new QPushButton(tr("打印公示榜…"), lower);
    print->setObjectName("print_posting");
    buttons->addWidget(print);
    connect(print, &QPushButton::clicked, this, [this] {
        const auto* p = current_posting();
        if (!p) return;
        const auto title = qt(common::posting_title(*p, ui_language()));
        open_document(api_, "/api/v1/postings/" + std::to_string(p->id) + "/document", title, title + ".pdf", this);
    });
    buttons->addStretch(1);
    lower_layout->addLayout(buttons);
    layout->addWidget(split, 1);

    connect(reload, &QPushButton::clicked, this, &postings_page::refresh);
    connect(year_, &QSpinBox::valueChanged, this, &postings_page::refresh);
    connect(postings_table_, &QTableWidget::itemSelectionChanged, this, [this] { show_entries(); });
    connect(entries_, &QTableWidget::itemSelectionChanged, this, &postings_page::load_objections);
    connect(objections_table_, &QTableWidget::itemSelectionChanged, this, &postings_page::show_objections);
    connect(object_, &QPushButton::clicked, this, &postings_page::ask_objection);
    connect(answer_, &QPushButton::clicked, this, &postings_page::ask_answer);
    refresh();
}

void postings_page::refresh() {
    loading_ = true;
    status_->setText(tr("正在载入…"));
    api_.call<std::vector<common::posting>>(
        this, [area = area_, year = year_->value()](client::api_client& api) { return api.list_postings(area, year, {}); },
        [this](std::vector<common::posting> postings) {
            loading_ = false;
            // The selection is kept across a refresh (the feed refreshes while a clerk reads), by ids.
            const auto* posting = current_posting();
            const auto* entry = current_entry();
            const auto kept_posting = posting ? posting->id : 0;
            const auto kept_case = entry ? entry->application_id : 0;
            // A posting's households never change once it is published: those read already are kept.
            entries_read_.clear();
            for (auto& p : postings)
                for (auto& old : postings_)
                    if (old.id == p.id && !old.entries.empty()) {
                        p.entries = std::move(old.entries);
                        entries_read_.insert(p.id);
                    }
            postings_ = std::move(postings);
            show_postings(kept_posting, kept_case);
        },
        [this](const client::client_error& e) {
            loading_ = false;
            status_->setText(error_message(e));
        });
}

QString postings_page::days_left(const common::posting& p) const {
    const auto published = common::parse_date(p.published_on);
    if (!published) return {};
    const int left = common::posting_period(*published, p.days).days_left_on(common::today_in_china());
    return left > 0 ? tr("还剩 %1 天").arg(left) : tr("已期满");
}

void postings_page::show_postings(std::int64_t keep_posting, std::int64_t keep_case) {
    const auto lang = ui_language();
    {
        const QSignalBlocker quiet(postings_table_);
        postings_table_->setRowCount(static_cast<int>(postings_.size()));
        for (std::size_t i = 0; i < postings_.size(); ++i) {
            const auto& p = postings_[i];
            set_row(postings_table_, static_cast<int>(i),
                    {qt(common::posting_title(p, lang)), qt(p.published_on), qt(p.last_day), days_left(p)});
            if (p.id == keep_posting) postings_table_->selectRow(static_cast<int>(i));
        }
        if (keep_posting == 0) postings_table_->clearSelection();
        postings_table_->resizeColumnsToContents();
    }
    status_->setText(postings_.empty() ? tr("本年度还没有公示。") : tr("本年度公示 %1 次。").arg(postings_.size()));
    show_entries(keep_case);
}

const common::posting* postings_page::current_posting() const {
    const int row = postings_table_->currentRow();
    return row >= 0 && row < static_cast<int>(postings_.size()) ? &postings_[static_cast<std::size_t>(row)] : nullptr;
}

const common::posting_entry* postings_page::current_entry() const {
    const auto* p = current_posting();
    const int row = entries_->currentRow();
    return p && row >= 0 && row < static_cast<int>(p->entries.size()) ? &p->entries[static_cast<std::size_t>(row)]
                                                                       : nullptr;
}

void postings_page::show_entries(std::int64_t keep_case) {
    const auto lang = ui_language();
    const auto* p = current_posting();
    // The list names the postings; the households on one are read when it is first chosen.
    if (p && !entries_read_.contains(p->id)) {
        entries_read_.insert(p->id);
        api_.call<common::posting>(
            this, [id = p->id](client::api_client& api) { return api.get_posting(id); },
            [this, pending_entry = pending_entry_](common::posting whole) {
                for (auto& kept : postings_)
                    if (kept.id == whole.id) kept = std::move(whole);
                show_entries();
                if (pending_entry >= 0 && pending_entry < entries_->rowCount()) entries_->selectRow(pending_entry);
            },
            [this, id = p->id](const client::client_error& e) {
                entries_read_.erase(id);
                status_->setText(error_message(e));
            });
    }
    {
        const QSignalBlocker quiet(entries_);
        entries_->setRowCount(p ? static_cast<int>(p->entries.size()) : 0);
        for (int i = 0; p && i < static_cast<int>(p->entries.size()); ++i) {
            const auto& e = p->entries[static_cast<std::size_t>(i)];
            set_row(entries_, i,
                    {QString::number(e.position), qt(e.head_name), qt(e.village_name), qt(e.group_name),
                     QString::number(e.household_size), qt(common::format_amount(e.per_capita_net_income)),
                     qt(common::label_or_code(voc::poverty_causes, e.main_cause, lang)),
                     e.appraisal_rank ? QString::number(*e.appraisal_rank) : QString()});
            if (keep_case != 0 && e.application_id == keep_case) entries_->selectRow(i);
        }
        entries_->resizeColumnsToContents();
    }
    // The same household still chosen: its objections (and the one the clerk chose) stay as they are.
    if (keep_case != 0 && current_entry() && current_entry()->application_id == keep_case) return;
    load_objections();
}

void postings_page::select(int posting_row, int entry_row) {
    pending_entry_ = entry_row;  // chosen once the posting's households are read, if they are not yet
    postings_table_->selectRow(posting_row);
    if (entry_row >= 0 && entry_row < entries_->rowCount()) entries_->selectRow(entry_row);
    pending_entry_ = -1;
}

void postings_page::load_objections() {
    objections_.clear();
    show_objections();
    const auto* entry = current_entry();
    if (!entry) return;
    loading_ = true;
    api_.call<std::vector<common::objection>>(
        this, [id = entry->application_id](client::api_client& api) { return api.list_objections(id); },
        [this, id = entry->application_id](std::vector<common::objection> found) {
            loading_ = false;
            // An answer for an entry no longer selected is dropped.
            if (const auto* now = current_entry(); !now || now->application_id != id) return;
            objections_ = std::move(found);
            show_objections();
        },
        [this](const client::client_error& e) {
            loading_ = false;
            status_->setText(error_message(e));
        });
}

void postings_page::show_objections() {
    const auto lang = ui_language();
    {
        const QSignalBlocker quiet(objections_table_);
        const int kept = objections_table_->currentRow();
        objections_table_->setRowCount(static_cast<int>(objections_.size()));
        for (std::size_t i = 0; i < objections_.size(); ++i) {
            const auto& o = objections_[i];
            set_row(objections_table_, static_cast<int>(i),
                    {QString::number(o.id), qt(o.objector_name), qt(o.objected_on), qt(o.grounds),
                     qt(common::label_or_code(voc::objection_states, o.state, lang)), qt(o.answer)});
        }
        if (kept >= 0 && kept < objections_table_->rowCount()) objections_table_->selectRow(kept);
    }
    const auto* p = current_posting();
    const auto published = p ? common::parse_date(p->published_on) : std::nullopt;
    const bool running = published && common::posting_period(*published, p->days).running_on(common::today_in_china());
    object_->setEnabled(current_entry() != nullptr && running);
    object_->setToolTip(running ? QString() : tr("公示期内才能登记异议"));
    const int row = objections_table_->currentRow();
    answer_->setEnabled(row >= 0 && row < static_cast<int>(objections_.size()) &&
                        objections_[static_cast<std::size_t>(row)].state == "open");
}

void postings_page::ask_objection() {
    const auto* entry = current_entry();
    if (!entry) return;
    objection_dialog dialog(tr("%1（%2）").arg(qt(entry->head_name), qt(entry->village_name)), this);
    if (dialog.exec() == QDialog::Accepted) record_objection(dialog.objection());
}

void postings_page::ask_answer() {
    const int row = objections_table_->currentRow();
    if (row < 0 || row >= static_cast<int>(objections_.size())) return;
    // The objection is named by its id: the table may be read again while the clerk writes the answer.
    const auto& o = objections_[static_cast<std::size_t>(row)];
    const auto id = o.id;
    objection_answer_dialog dialog(qt(client::procedure_printer(ui_language()).objection(o)).trimmed(), this);
    if (dialog.exec() == QDialog::Accepted) send_answer(id, dialog.answer());
}

void postings_page::record_objection(const common::objection& o) {
    const auto* entry = current_entry();
    if (!entry) return;
    status_->setText(tr("正在登记异议…"));
    api_.call<common::objection>(
        this, [id = entry->application_id, o](client::api_client& api) { return api.create_objection(id, o); },
        [this](common::objection recorded) {
            status_->setText(tr("已登记异议（编号 %1）。").arg(recorded.id));
            load_objections();
        },
        [this](const client::client_error& e) { status_->setText(error_message(e)); });
}

void postings_page::answer_objection(int row, const client::objection_answer& answer) {
    if (row < 0 || row >= static_cast<int>(objections_.size())) return;
    send_answer(objections_[static_cast<std::size_t>(row)].id, answer);
}

void postings_page::send_answer(std::int64_t objection_id, const client::objection_answer& answer) {
    status_->setText(tr("正在答复…"));
    api_.call<common::objection>(
        this, [objection_id, answer](client::api_client& api) { return api.answer_objection(objection_id, answer); },
        [this](common::objection answered) {
            status_->setText(tr("异议 %1 已答复：%2。")
                                 .arg(answered.id)
                                 .arg(qt(common::label_or_code(voc::objection_states, answered.state, ui_language()))));
            load_objections();
        },
        [this](const client::client_error& e) { status_->setText(error_message(e)); });
}

}  // namespace fupin::desktop
