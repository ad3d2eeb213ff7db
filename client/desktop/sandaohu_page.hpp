#pragma once
// 三到户三到人: for the office's area and a year, how many registered households have each of the six (规划到户,
// 项目到户, 资金到户, 责任到人, 项目到人, 联系到人), the area itself and each area below it; then the households that
// lack one or more, each opened with a double click. The server counts them (sandaohu_service), as it does for
// `township-client sandaohu`.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <QWidget>

#include "common/area.hpp"
#include "common/sandaohu.hpp"

class QLabel;
class QSpinBox;
class QTableWidget;

namespace fupin::desktop {

class api_worker;

class sandaohu_page : public QWidget {
    Q_OBJECT

public:
    // `areas`: the office's, to name the villages of the households listed.
    sandaohu_page(api_worker& api, std::string area, const std::vector<common::area>& areas, QWidget* parent = nullptr);

    void refresh();
    bool loading() const { return loading_; }
    const common::sandaohu_report& report() const { return report_; }

signals:
    void open_household(std::int64_t id);

private:
    void show_report();

    api_worker& api_;
    std::string area_;
    std::map<std::string, std::string> area_names_;
    bool loading_ = false;
    common::sandaohu_report report_;
    QSpinBox* year_ = nullptr;
    QLabel* status_ = nullptr;
    QTableWidget* areas_ = nullptr;
    QTableWidget* gaps_ = nullptr;
};

}  // namespace fupin::desktop
