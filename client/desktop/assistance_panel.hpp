#pragma once
// 帮扶: a household's assistance and follow-up as the archive holds them: its helpers now (责任到人, 联系到人),
// the year's measures with their helper, funds and progress (项目到户, 项目到人), and the visits (走访), newest
// first, with 记录走访 to write one down. Read when the tab is first shown and after each visit recorded; helpers and
// measures are kept by the county's commands (township-client pairings, measures).
#include <cstdint>
#include <vector>

#include <QPointer>
#include <QWidget>

#include "common/assistance.hpp"
#include "common/helper.hpp"

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace fupin::desktop {

class api_worker;
class visit_dialog;

class assistance_panel : public QWidget {
    Q_OBJECT

public:
    assistance_panel(api_worker& api, std::int64_t household_id, QWidget* parent = nullptr);

    // Reads helpers, measures and visits again.
    void refresh();
    bool loading() const { return pending_ > 0; }
    const common::household_helpers& helpers() const { return helpers_; }
    const std::vector<common::measure>& measures() const { return measures_; }
    const std::vector<common::visit>& visits() const { return visits_; }
    // What 记录走访 opens; `record_visit` is what its 记录 does.
    visit_dialog* open_visit_dialog();
    void record_visit(const common::visit& v);

private:
    void show_all();

    api_worker& api_;
    std::int64_t household_id_;
    int pending_ = 0;     // reads of the latest refresh not yet answered
    int generation_ = 0;  // the latest refresh
    common::household_helpers helpers_;
    std::vector<common::measure> measures_;
    std::vector<common::visit> visits_;
    QSpinBox* year_ = nullptr;
    QLabel* status_ = nullptr;
    QTableWidget* helpers_table_ = nullptr;
    QTableWidget* measures_table_ = nullptr;
    QTableWidget* visits_table_ = nullptr;
    QPushButton* visit_ = nullptr;
    QPointer<visit_dialog> dialog_;
};

}  // namespace fupin::desktop
