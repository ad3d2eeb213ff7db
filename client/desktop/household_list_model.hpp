#pragma once
// The households of the office's area as a table for a QTableView, a page at a time: the first page when the
// filter is set, the next ones as the view scrolls near the end (canFetchMore/fetchMore), so 10,000 files open as
// fast as 50. Answers that arrive after the filter changed are dropped.
#include <string>
#include <vector>

#include <QAbstractTableModel>

#include "common/household.hpp"

namespace fupin::desktop {

class api_worker;

class household_list_model : public QAbstractTableModel {
    Q_OBJECT

public:
    household_list_model(api_worker& api, QObject* parent = nullptr);

    // Forgets the rows and asks for the first page under `filter`.
    void set_filter(common::household_filter filter);
    void reload() { set_filter(filter_); }
    const common::household& at(int row) const { return rows_.at(static_cast<std::size_t>(row)); }
    // A file saved here or changed elsewhere (the feed): its row is brought up to date, or it goes first when the
    // list's filter would hold it (never while a search is on: the server decides what a search finds).
    void show_saved(const common::household& h);
    bool loading() const { return loading_; }
    // Whether the server has more pages than those loaded.
    bool has_more() const { return !at_end_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void page_loaded(int rows_in_all, bool more);
    void failed(const QString& message);

private:
    void fetch(std::string page_token);

    api_worker& api_;
    common::household_filter filter_;
    std::vector<common::household> rows_;
    std::string next_token_;
    bool loading_ = false;
    bool at_end_ = true;
    int generation_ = 0;  // bumped by set_filter: an answer of an older one is dropped
};

}  // namespace fupin::desktop
