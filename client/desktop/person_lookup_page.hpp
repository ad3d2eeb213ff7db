#pragma once
// 人员查询: is this person in a household file anywhere in the county? The ID number is checked as typed (the
// check digit, the birth date), then asked of the server, which answers as it answers township-client's lookup:
// the whole file for the office's own area, only what a public posting shows for another township's, rate-limited
// and audited there. The number is not kept once answered.
#include <cstdint>

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace fupin::desktop {

class api_worker;

class person_lookup_page : public QWidget {
    Q_OBJECT

public:
    explicit person_lookup_page(api_worker& api, QWidget* parent = nullptr);

    // What 查询 does.
    void look_up();
    QString answer_text() const;
    // The file found in the office's own area (0: none, or another township's).
    std::int64_t found_household() const { return found_household_; }

signals:
    void open_household(std::int64_t id);

private:
    api_worker& api_;
    QLineEdit* id_number_ = nullptr;
    QPushButton* ask_ = nullptr;
    QPushButton* open_ = nullptr;
    QLabel* problem_ = nullptr;
    QPlainTextEdit* answer_ = nullptr;
    std::int64_t found_household_ = 0;
};

}  // namespace fupin::desktop
