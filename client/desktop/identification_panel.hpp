#pragma once
// The 识别 tab's verdict: what the identification rules (common::identification_rules, the server's own) say of
// the household as it is typed, against this year's poverty line, before anyone applies; and 申请识别, which opens
// the case for a saved file after showing the server's verdict (which also weighs the departments' flags) and
// asking the clerk to confirm.
#include <cstdint>
#include <map>
#include <optional>

#include <QGroupBox>

#include "common/household.hpp"
#include "common/procedure.hpp"

class QLabel;
class QPushButton;

namespace fupin::desktop {

class api_worker;

class identification_panel : public QGroupBox {
    Q_OBJECT

public:
    explicit identification_panel(api_worker& api, QWidget* parent = nullptr);

    // The verdict of `h` as the form holds it now (derived), by the local rule.
    void show_verdict(const common::household& h);
    // The file as shown is saved as `household_id` (0: new) and unchanged since: only then may the case be opened.
    void set_saved(std::int64_t household_id, bool unchanged);
    // What 申请识别 does: reads the server's verdict, asks to confirm (unless `confirmed`), opens the case.
    void apply(bool confirmed = false);
    QString verdict_text() const;
    QString status_text() const;

signals:
    void applied(const common::application& opened);

private:
    void show_line_missing();

    api_worker& api_;
    std::map<int, common::money_fen> lines_;  // the poverty lines set, by year
    bool lines_read_ = false;
    std::optional<common::household> last_;
    std::int64_t household_id_ = 0;
    bool unchanged_ = false;
    bool busy_ = false;
    QLabel* verdict_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* apply_ = nullptr;
};

}  // namespace fupin::desktop
