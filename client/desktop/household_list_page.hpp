#pragma once
// 农户档案: the office's households with filters (village, status, main cause) and a search box (a name or an ID
// number), the list paged from the server as it scrolls; 新建 opens an empty form, a double click the file.
#include <vector>

#include <QWidget>

#include "common/area.hpp"
#include "common/household.hpp"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace fupin::desktop {

class api_worker;
class household_list_model;

class household_list_page : public QWidget {
    Q_OBJECT

public:
    household_list_page(api_worker& api, std::vector<common::area> areas, QWidget* parent = nullptr);

    household_list_model& model() { return *model_; }
    QTableView& view() { return *view_; }
    // Applies the filters and the search box (what 查询 and Enter do).
    void search();

    // Files changed elsewhere that the list was not brought up to date with (too many at once): the count line
    // says so, until the next 查询.
    void note_changes_not_shown(int files);

    // What 打印村册 does: the selected village's register, or with every village the township's book.
    void print_register();

signals:
    void open_household(std::int64_t id);
    void new_household();

private:
    void show_count();
    void show_register_button();

    api_worker& api_;
    std::string township_code_;  // the office's township, when it has one: its book (乡镇簿) is printed
    QString township_name_;
    QPushButton* register_ = nullptr;
    int not_shown_ = 0;  // files changed elsewhere since the last 查询 that the list was not brought up to date with
    household_list_model* model_ = nullptr;
    QTableView* view_ = nullptr;
    QComboBox* village_ = nullptr;
    QComboBox* status_ = nullptr;
    QComboBox* cause_ = nullptr;
    QLineEdit* search_ = nullptr;
    QLabel* count_ = nullptr;
};

}  // namespace fupin::desktop
