#pragma once
// 待办: what waits for the logged-in official, one tab per kind of work his role does (the session's role and
// permissions, as the server grants them): 案件, the identification and exit cases in a state his role acts on
// (case_queue); 半年审核, the newest review round's entries waiting for his office (review_queue, for those who
// edit files); 结对帮扶, the households without a helper (pairing_queue, for those who pair them). Each tab's title
// and the page's badge count what waits.
#include <string>
#include <vector>

#include <QWidget>

#include "common/area.hpp"

class QTabWidget;

namespace fupin::desktop {

class api_worker;
class case_queue;
class pairing_queue;
class review_queue;

class work_queue_page : public QWidget {
    Q_OBJECT

public:
    // From the session: the official's role, area and permissions; `areas`: the office's.
    work_queue_page(api_worker& api, std::string role, std::string area, const std::vector<std::string>& permissions,
                    const std::vector<common::area>& areas, QWidget* parent = nullptr);

    case_queue& cases() { return *cases_; }
    // nullptr where the role has no such work.
    review_queue* reviews() const { return reviews_; }
    pairing_queue* pairings() const { return pairings_; }
    // Shows a queue's tab.
    void show_queue(QWidget* queue);

    // A feed event of this kind arrived: the queues it may change are read again at the next catch_up().
    void note_event(const std::string& kind);
    bool behind() const { return cases_behind_ || reviews_behind_ || pairings_behind_; }
    void catch_up();
    // Everything waiting, for the page's badge.
    int size() const;

signals:
    void changed(int size);

private:
    void count(QWidget* queue, const QString& title, int waiting);

    QTabWidget* tabs_ = nullptr;
    case_queue* cases_ = nullptr;
    review_queue* reviews_ = nullptr;
    pairing_queue* pairings_ = nullptr;
    bool cases_behind_ = false;
    bool reviews_behind_ = false;
    bool pairings_behind_ = false;
};

}  // namespace fupin::desktop
