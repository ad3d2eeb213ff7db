#pragma once
// The township's window: 农户档案 (the list, its filters and search, the form), 待办 (what waits for the official:
// cases with a button per step, review round entries, households without a helper), 公示 (postings, their days left, objections), 三到户三到人 (the area's assistance
// and the households still lacking), 人员查询 (a person looked up across the county) and 实时动态 (the change feed),
// who is logged in and until when in the status bar. When the session ends it asks for the password again over
// whatever is open, and carries on.
#include <set>
#include <vector>

#include <QMainWindow>
#include <nlohmann/json.hpp>

#include "common/area.hpp"
#include "common/household.hpp"
#include "common/review_round.hpp"

class QLabel;
class QTimer;
class QTabWidget;

namespace fupin::desktop {

class api_worker;
class household_form;
class household_list_page;
class live_panel;
class person_lookup_page;
class postings_page;
class sandaohu_page;
class work_queue_page;

class main_window : public QMainWindow {
    Q_OBJECT

public:
    // `session`: the login dialog's (who, until when, the token for the feed).
    main_window(api_worker& api, std::vector<common::area> areas, nlohmann::json session, QWidget* parent = nullptr);

    household_list_page& households() { return *households_; }
    work_queue_page& queue() { return *queue_; }
    live_panel& live() { return *live_; }
    postings_page& postings() { return *postings_; }
    person_lookup_page& lookup() { return *lookup_; }
    sandaohu_page& sandaohu() { return *sandaohu_; }
    // The form opened last by 新建农户 or a double click (nullptr before), for tests and screenshots.
    household_form* open_form() const { return form_; }

    void new_household();
    void open_household(std::int64_t id);
    // Opens the stored file as the round's entry (household_form::enter_for_round).
    void open_review_entry(const common::review_round& round, std::int64_t household_id);

private:
    void show_session(const nlohmann::json& session);
    void ask_login_again();
    household_form* open_form_for(std::optional<common::household> existing);
    // Brings the window up to date with what the feed named since the last time: the queues and postings once,
    // the list with the files changed (at most a page of them).
    void catch_up_with_feed();

    api_worker& api_;
    std::vector<common::area> areas_;
    nlohmann::json session_;
    QTabWidget* tabs_ = nullptr;
    household_list_page* households_ = nullptr;
    work_queue_page* queue_ = nullptr;
    live_panel* live_ = nullptr;
    postings_page* postings_ = nullptr;
    person_lookup_page* lookup_ = nullptr;
    sandaohu_page* sandaohu_ = nullptr;
    QLabel* who_ = nullptr;
    household_form* form_ = nullptr;
    int unseen_events_ = 0;
    std::set<std::int64_t> changed_households_;  // named by the feed, not yet read
    bool postings_changed_ = false;              // a case or posting event since the last catch-up
    bool catching_up_ = false;                   // a catch-up's reads are on the worker
    QTimer* changed_timer_ = nullptr;
    bool asking_login_ = false;
};

}  // namespace fupin::desktop
