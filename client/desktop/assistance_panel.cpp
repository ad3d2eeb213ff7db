#include "client/desktop/assistance_panel.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/api_client.hpp"
#include "client/desktop/api_worker.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/qt_text.hpp"
#include "client/desktop/read_only_table.hpp"
#include "client/desktop/visit_dialog.hpp"
#include "client/event_printer.hpp"
#include "common/china_date.hpp"
#include "common/display_text.hpp"
#include "common/vocabulary.hpp"

namespace fupin::desktop {
namespace {

namespace voc = common::vocabulary;

QString day_of(std::int64_t ms) {
    return ms > 0 ? qt(common::format_date(common::china_date_of_ms(ms))) : QString();
}

}  // namespace

assistance_panel::assistance_panel(api_worker& api, std::int64_t household_id, QWidget* parent)
    : QWidget(parent), api_(api), household_id_(household_id) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("措施年度"), this));
    year_ = new QSpinBox(this);
    year_->setObjectName("measure_year");
    year_->setRange(2000, 2100);
    year_->setValue(static_cast<int>(common::today_in_china().year()));
    top->addWidget(year_);
    status_ = new QLabel(this);
    status_->setObjectName("assistance_status");
    status_->setWordWrap(true);
    top->addWidget(status_, 1);
    visit_ = new QPushButton(tr("记录走访…"), this);
    visit_->setObjectName("record_visit");
    top->addWidget(visit_);
    layout->addLayout(top);
    layout->addWidget(new QLabel(tr("帮扶责任人"), this));
    helpers_table_ = read_only_table({tr("姓名"), tr("单位"), tr("职务"), tr("联系电话"), tr("结对时间")}, "helpers", this);
    layout->addWidget(helpers_table_, 1);
    layout->addWidget(new QLabel(tr("帮扶措施"), this));
    measures_table_ = read_only_table({tr("类别"), tr("内容"), tr("责任人"), tr("状态"), tr("资金（元）"), tr("起止日期")}, "measures", this);
    layout->addWidget(measures_table_, 2);
    layout->addWidget(new QLabel(tr("走访记录"), this));
    visits_table_ = read_only_table({tr("日期"), tr("方式"), tr("走访人"), tr("帮扶内容"), tr("户情况"), tr("后续安排")}, "visits", this);
    layout->addWidget(visits_table_, 2);
    connect(year_, &QSpinBox::valueChanged, this, &assistance_panel::refresh);
    visit_->setEnabled(false);
    connect(visit_, &QPushButton::clicked, this, [this] { open_visit_dialog(); });
}

void assistance_panel::refresh() {
    // Three reads, one after another on the worker; the tables are filled once all three of this refresh have
    // answered. Answers of an earlier refresh (another year chosen meanwhile) are dropped.
    const int generation = ++generation_;
    pending_ = 3;
    visit_->setEnabled(false);  // the dialog offers the household's helpers: not before they are read
    status_->setText(tr("正在载入…"));
    const auto id = household_id_;
    const auto finished_one = [this, generation] {
        if (generation == generation_ && --pending_ == 0) show_all();
    };
    const auto failed = [this, generation, finished_one](const client::client_error& e) {
        if (generation == generation_) status_->setText(error_message(e));
        finished_one();
    };
    api_.call<common::household_helpers>(
        this, [id](client::api_client& api) { return api.household_helpers(id); },
        [this, generation, finished_one](common::household_helpers h) {
            if (generation == generation_) helpers_ = std::move(h);
            finished_one();
        },
        failed);
    api_.call<std::vector<common::measure>>(
        this, [id, year = year_->value()](client::api_client& api) { return api.list_measures(id, year); },
        [this, generation, finished_one](std::vector<common::measure> m) {
            if (generation == generation_) measures_ = std::move(m);
            finished_one();
        },
        failed);
    api_.call<std::vector<common::visit>>(
        this, [id](client::api_client& api) { return api.list_visits(id); },
        [this, generation, finished_one](std::vector<common::visit> v) {
            if (generation == generation_) visits_ = std::move(v);
            finished_one();
        },
        failed);
}

void assistance_panel::show_all() {
    const auto lang = ui_language();
    helpers_table_->setRowCount(static_cast<int>(helpers_.current.size()));
    for (std::size_t i = 0; i < helpers_.current.size(); ++i) {
        const auto& p = helpers_.current[i];
        set_row(helpers_table_, static_cast<int>(i),
             {qt(p.helper_name), qt(p.unit_name), qt(p.helper_post), qt(p.helper_phone), day_of(p.started_at_ms)});
    }
    measures_table_->setRowCount(static_cast<int>(measures_.size()));
    for (std::size_t i = 0; i < measures_.size(); ++i) {
        const auto& m = measures_[i];
        set_row(measures_table_, static_cast<int>(i),
             {qt(common::label_or_code(voc::measure_categories, m.category, lang)), qt(m.content),
              m.helper_name.empty() ? tr("（未指定）") : qt(m.helper_name),
              qt(common::label_or_code(voc::measure_statuses, m.status, lang)),
              qt(common::format_amount(common::planned_total(m))),
              m.start_date.empty() ? QString() : qt(m.start_date) + " — " + qt(m.end_date)});
    }
    visits_table_->setRowCount(static_cast<int>(visits_.size()));
    for (std::size_t i = 0; i < visits_.size(); ++i) {
        const auto& v = visits_[i];
        set_row(visits_table_, static_cast<int>(i),
             {qt(v.visited_on), qt(common::label_or_code(voc::visit_kinds, v.kind, lang)),
              v.helper_id == 0 ? tr("（督查）") : qt(v.helper_name), qt(v.done), qt(v.situation), qt(v.follow_up)});
    }
    for (auto* t : {helpers_table_, measures_table_, visits_table_}) t->resizeColumnsToContents();
    visit_->setEnabled(true);
    if (status_->text() == tr("正在载入…"))
        status_->setText(helpers_.current.empty() ? tr("尚未结对帮扶责任人。")
                                                  : tr("帮扶责任人 %1 人，本年度措施 %2 项，走访 %3 次。")
                                                        .arg(helpers_.current.size())
                                                        .arg(measures_.size())
                                                        .arg(visits_.size()));
}

visit_dialog* assistance_panel::open_visit_dialog() {
    if (dialog_) dialog_->close();
    dialog_ = new visit_dialog(helpers_.current, this);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &QDialog::accepted, this, [this, dialog = dialog_.data()] { record_visit(dialog->visit()); });
    dialog_->open();
    return dialog_;
}

void assistance_panel::record_visit(const common::visit& v) {
    status_->setText(tr("正在记录走访…"));
    api_.call<common::visit>(
        this, [id = household_id_, v](client::api_client& api) { return api.record_visit(id, v); },
        [this](common::visit) {
            status_->setText(tr("已记录走访。"));
            refresh();
        },
        [this](const client::client_error& e) { status_->setText(error_message(e)); });
}

}  // namespace fupin::desktop
