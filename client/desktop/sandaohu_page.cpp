#include "client/desktop/sandaohu_page.hpp"

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
#include "common/china_date.hpp"

namespace fupin::desktop {
namespace {

// The households lacking something that the page lists (the server's limit; the counts cover them all).
constexpr int gaps_shown = 500;

// "12/15（80%）": how many of the area's households meet one of the six.
QString share(int met, int households) {
    if (households == 0) return QStringLiteral("-");
    return QStringLiteral("%1/%2（%3%）").arg(met).arg(households).arg(met * 100 / households);
}

}  // namespace

sandaohu_page::sandaohu_page(api_worker& api, std::string area, const std::vector<common::area>& areas,
                             QWidget* parent)
    : QWidget(parent), api_(api), area_(std::move(area)) {
    for (const auto& a : areas) area_names_[a.code] = a.name;
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("年度"), this));
    year_ = new QSpinBox(this);
    year_->setObjectName("sandaohu_year");
    year_->setRange(2000, 2100);
    year_->setValue(static_cast<int>(common::today_in_china().year()));
    top->addWidget(year_);
    status_ = new QLabel(this);
    status_->setObjectName("sandaohu_status");
    status_->setWordWrap(true);
    top->addWidget(status_, 1);
    auto* reload = new QPushButton(tr("刷新"), this);
    top->addWidget(reload);
    layout->addLayout(top);
    const QStringList six{tr("规划到户"), tr("项目到户"), tr("资金到户"), tr("责任到人"), tr("项目到人"), tr("联系到人")};
    areas_ = read_only_table(QStringList{tr("区域"), tr("已建档户")} + six + QStringList{tr("六项齐全")}, "sandaohu_areas", this);
    layout->addWidget(areas_, 1);
    layout->addWidget(new QLabel(tr("尚有缺项的农户（双击打开档案）"), this));
    gaps_ = read_only_table(QStringList{tr("户主"), tr("村")} + six, "sandaohu_gaps", this);
    layout->addWidget(gaps_, 2);
    connect(reload, &QPushButton::clicked, this, &sandaohu_page::refresh);
    connect(year_, &QSpinBox::valueChanged, this, &sandaohu_page::refresh);
    connect(gaps_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < static_cast<int>(report_.gaps.size()))
            emit open_household(report_.gaps[static_cast<std::size_t>(row)].household_id);
    });
}

void sandaohu_page::refresh() {
    loading_ = true;
    status_->setText(tr("正在统计…"));
    api_.call<common::sandaohu_report>(
        this,
        [area = area_, year = year_->value()](client::api_client& api) { return api.sandaohu(area, year, gaps_shown); },
        [this](common::sandaohu_report r) {
            loading_ = false;
            report_ = std::move(r);
            show_report();
        },
        [this](const client::client_error& e) {
            loading_ = false;
            status_->setText(error_message(e));
        });
}

void sandaohu_page::show_report() {
    areas_->setRowCount(static_cast<int>(report_.areas.size()));
    for (std::size_t i = 0; i < report_.areas.size(); ++i) {
        const auto& a = report_.areas[i];
        const QStringList cells{qt(a.area_name.empty() ? a.area_code : a.area_name), QString::number(a.households),
                                share(a.plan, a.households), share(a.project, a.households), share(a.funds, a.households),
                                share(a.responsibility, a.households), share(a.project_person, a.households),
                                share(a.contact, a.households), share(a.complete, a.households)};
        set_row(areas_, static_cast<int>(i), cells);
    }
    gaps_->setRowCount(static_cast<int>(report_.gaps.size()));
    const auto mark = [this](bool met) { return met ? tr("✓") : tr("缺"); };
    for (std::size_t i = 0; i < report_.gaps.size(); ++i) {
        const auto& h = report_.gaps[i];
        const auto village = area_names_.find(h.village_code);
        const QStringList cells{qt(h.head_name), qt(village != area_names_.end() ? village->second : h.village_code),
                                mark(h.plan), mark(h.project), mark(h.funds),
                                mark(h.responsibility), mark(h.project_person), mark(h.contact)};
        set_row(gaps_, static_cast<int>(i), cells);
    }
    areas_->resizeColumnsToContents();
    gaps_->resizeColumnsToContents();
    status_->setText(report_.gaps_total > static_cast<int>(report_.gaps.size())
                         ? tr("缺项农户 %1 户，列出前 %2 户。走访自 %3 起计入联系到人。")
                               .arg(report_.gaps_total)
                               .arg(report_.gaps.size())
                               .arg(qt(report_.since))
                         : tr("缺项农户 %1 户。走访自 %2 起计入联系到人。").arg(report_.gaps_total).arg(qt(report_.since)));
}

}  // namespace fupin::desktop
