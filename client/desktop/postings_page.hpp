#pragma once
// 公示: the postings of the office's area for a year, each with the days it still runs (common::posting_period, the
// server's rule), the households on it, and the objections to each: recorded while the posting runs (登记异议) and
// answered (答复异议) with the procedure's consequence. The server checks every rule again; this page shows them.
#include <set>
#include <vector>

#include <QWidget>

#include "client/api_client.hpp"
#include "common/procedure.hpp"

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace fupin::desktop {

class api_worker;

class postings_page : public QWidget {
    Q_OBJECT

public:
    // `area`: the office's (from the session).
    postings_page(api_worker& api, std::string area, QWidget* parent = nullptr);

    void refresh();
    const std::vector<common::posting>& postings() const { return postings_; }
    const std::vector<common::objection>& objections() const { return objections_; }
    bool loading() const { return loading_; }
    // Selects the posting, then the household on it, as a click does; the objections are read.
    void select(int posting_row, int entry_row);
    // The days a posting still runs, as its line says it.
    QString days_left(const common::posting& p) const;
    // What the two buttons do once their dialog is filled in.
    void record_objection(const common::objection& o);
    void answer_objection(int row, const client::objection_answer& answer);

private:
    // Each keeps the posting and the household named (0: none), by id.
    void show_postings(std::int64_t keep_posting = 0, std::int64_t keep_case = 0);
    void show_entries(std::int64_t keep_case = 0);
    void load_objections();
    void show_objections();
    const common::posting* current_posting() const;
    const common::posting_entry* current_entry() const;
    void ask_objection();
    void ask_answer();
    void send_answer(std::int64_t objection_id, const client::objection_answer& answer);

    api_worker& api_;
    std::string area_;
    std::vector<common::posting> postings_;
    std::vector<common::objection> objections_;
    std::set<std::int64_t> entries_read_;  // postings whose households are read (or being read) since the list was
    int pending_entry_ = -1;               // select(): the household to choose once they are
    bool loading_ = false;
    QSpinBox* year_ = nullptr;
    QLabel* status_ = nullptr;
    QTableWidget* postings_table_ = nullptr;
    QTableWidget* entries_ = nullptr;
    QTableWidget* objections_table_ = nullptr;
    QPushButton* object_ = nullptr;
    QPushButton* answer_ = nullptr;
};

}  // namespace fupin::desktop
