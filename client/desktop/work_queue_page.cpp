#include "client/desktop/work_queue_page.hpp"

#include <algorithm>

#include <QTabWidget>
#include <QVBoxLayout>

#include "client/desktop/case_queue.hpp"
#include "client/desktop/pairing_queue.hpp"
#include "client/desktop/review_queue.hpp"
#include "common/area.hpp"

namespace fupin::desktop {
namespace {

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

work_queue_page::work_queue_page(api_worker& api, std::string role, std::string area,
                                 const std::vector<std::string>& permissions, const std::vector<common::area>& areas,
                                 QWidget* parent)
    : QWidget(parent) {
    const auto may = [&](const char* permission) {
        return std::find(permissions.begin(), permissions.end(), permission) != permissions.end();
    };
    const auto level = common::area_level_of_code(area);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName("queues");
    layout->addWidget(tabs_);

    cases_ = new case_queue(api, role, area, tabs_);
    tabs_->addTab(cases_, tr("案件"));
    connect(cases_, &case_queue::changed, this, [this](int n) { count(cases_, tr("案件"), n); });
    // A round's entries are a village's to enter and its township's to look into when flagged.
    if (may("write_households") && (level == "village" || level == "township")) {
        reviews_ = new review_queue(api, area, tabs_);
        tabs_->addTab(reviews_, tr("半年审核"));
        connect(reviews_, &review_queue::changed, this, [this](int n) { count(reviews_, tr("半年审核"), n); });
    }
    if (may("pair_helpers")) {
        pairings_ = new pairing_queue(api, area, areas, tabs_);
        tabs_->addTab(pairings_, tr("结对帮扶"));
        connect(pairings_, &pairing_queue::changed, this, [this](int n) { count(pairings_, tr("结对帮扶"), n); });
    }
}

void work_queue_page::show_queue(QWidget* queue) { tabs_->setCurrentWidget(queue); }

void work_queue_page::count(QWidget* queue, const QString& title, int waiting) {
    tabs_->setTabText(tabs_->indexOf(queue), waiting > 0 ? tr("%1（%2）").arg(title).arg(waiting) : title);
    emit changed(size());
}

int work_queue_page::size() const {
    return cases_->size() + (reviews_ ? reviews_->size() : 0) + (pairings_ ? pairings_->size() : 0);
}

void work_queue_page::note_event(const std::string& kind) {
    const bool procedure = starts_with(kind, "application.");
    if (procedure || starts_with(kind, "posting.")) cases_behind_ = true;
    // A round opened or entered, a department's flag raised or cleared: the entries and their 疑点 moved.
    if (reviews_ && (starts_with(kind, "review_round.") || kind == "households.flagged" ||
                     kind == "household.flag_cleared"))
        reviews_behind_ = true;
    // Who lacks a helper changes with a pairing made or ended, a household registered or exited (the procedure's
    // last steps) and a file created registered (an import of the earlier archive).
    if (pairings_ && (starts_with(kind, "pairing.") || kind == "application.register" || kind == "application.exit" ||
                      kind == "household.created"))
        pairings_behind_ = true;
}

void work_queue_page::catch_up() {
    if (cases_behind_) cases_->refresh();
    if (reviews_behind_) reviews_->refresh();
    if (pairings_behind_) pairings_->refresh();
    cases_behind_ = reviews_behind_ = pairings_behind_ = false;
}

}  // namespace fupin::desktop
