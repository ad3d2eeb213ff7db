#pragma once
// 待办 › 结对帮扶: the households of the office's area helped this year (registered, or exited within their
// transition period) that no helper answers for now: 三到户三到人's 责任到人 gaps, read as the server counts them
// (GET /api/v1/sandaohu?missing=responsibility), at most `listed_at_most` of them. 结对… opens pairing_dialog.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <QPointer>
#include <QWidget>

#include "client/desktop/pairing_dialog.hpp"
#include "client/desktop/one_read_at_a_time.hpp"
#include "common/area.hpp"
#include "common/sandaohu.hpp"

class QLabel;
class QPushButton;
class QTableWidget;

namespace fupin::desktop {

class api_worker;

class pairing_queue : public QWidget {
    Q_OBJECT

public:
    static constexpr int listed_at_most = 500;

    // `area`: the office's; `areas`: the office's, to name the villages of the households listed.
    pairing_queue(api_worker& api, std::string area, const std::vector<common::area>& areas, QWidget* parent = nullptr);

    // Reads the queue again (one_read_at_a_time).
    void refresh();
    // How many wait (all of them, not only those listed).
    int size() const { return total_; }
    const std::vector<common::sandaohu_household>& households() const { return households_; }
    // What 结对… does for the household at `row`; the dialog, while it is open.
    void pair(int row);
    pairing_dialog* dialog() const { return dialog_; }

signals:
    void changed(int size);

private:
    void show_households();

    api_worker& api_;
    std::string area_;
    std::map<std::string, std::string> area_names_;
    std::vector<common::sandaohu_household> households_;
    int total_ = 0;
    QLabel* status_ = nullptr;
    QTableWidget* table_ = nullptr;
    QPushButton* pair_ = nullptr;
    QPointer<pairing_dialog> dialog_;
    one_read_at_a_time reads_;
};

}  // namespace fupin::desktop
