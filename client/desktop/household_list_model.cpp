#include "client/desktop/household_list_model.hpp"

#include <algorithm>

#include "client/desktop/api_worker.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/qt_text.hpp"
#include "common/display_text.hpp"
#include "common/vocabulary.hpp"

namespace fupin::desktop {
namespace {

namespace voc = common::vocabulary;

enum column { head, size, village, group, status, cause, per_capita, updated, columns };

}  // namespace

household_list_model::household_list_model(api_worker& api, QObject* parent) : QAbstractTableModel(parent), api_(api) {}

void household_list_model::set_filter(common::household_filter filter) {
    beginResetModel();
    filter_ = std::move(filter);
    rows_.clear();
    next_token_.clear();
    at_end_ = false;
    loading_ = false;
    ++generation_;
    endResetModel();
    fetch({});
}

void household_list_model::fetch(std::string page_token) {
    if (loading_) return;
    loading_ = true;
    auto filter = filter_;
    filter.page_token = std::move(page_token);
    const int generation = generation_;
    api_.call<common::household_page>(
        this, [filter](client::api_client& api) { return api.list_households(filter); },
        [this, generation](common::household_page page) {
            if (generation != generation_) return;
            loading_ = false;
            // A file saved here meanwhile is already shown: not twice.
            std::erase_if(page.items, [this](const common::household& h) {
                return std::any_of(rows_.begin(), rows_.end(), [&](const auto& row) { return row.id == h.id; });
            });
            if (!page.items.empty()) {
                const int first = static_cast<int>(rows_.size());
                beginInsertRows({}, first, first + static_cast<int>(page.items.size()) - 1);
                for (auto& h : page.items) rows_.push_back(std::move(h));
                endInsertRows();
            }
            next_token_ = page.next_page_token;
            at_end_ = next_token_.empty();
            emit page_loaded(static_cast<int>(rows_.size()), !at_end_);
        },
        [this, generation](const client::client_error& e) {
            if (generation != generation_) return;
            loading_ = false;
            at_end_ = true;
            emit failed(error_message(e));
        });
}

void household_list_model::show_saved(const common::household& h) {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].id == h.id) {
            rows_[i] = h;
            emit dataChanged(index(static_cast<int>(i), 0), index(static_cast<int>(i), columns - 1));
            return;
        }
    // The newest change comes first in the server's order too; a file outside the filter (or any, while a
    // search is on) is not shown where it would not be listed.
    const auto outside = [](const std::string& wanted, const std::string& value) {
        return !wanted.empty() && wanted != value;
    };
    if (!filter_.search.empty() || outside(filter_.village_code, h.village_code) ||
        outside(filter_.group_code, h.group_code) || outside(filter_.status, h.status) ||
        outside(filter_.main_cause, h.main_cause))
        return;
    beginInsertRows({}, 0, 0);
    rows_.insert(rows_.begin(), h);
    endInsertRows();
}

int household_list_model::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int household_list_model::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : columns; }

QVariant household_list_model::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) return {};
    const auto& h = rows_[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() == size || index.column() == per_capita ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                       : QVariant();
    if (role != Qt::DisplayRole) return {};
    const auto lang = ui_language();
    switch (index.column()) {
    case head: return qt(h.head_name);
    case size: return static_cast<int>(h.members.size());
    case village: return qt(h.village_name.empty() ? h.village_code : h.village_name);
    case group: return qt(h.group_name.empty() ? h.group_code : h.group_name);
    case status: return qt(common::label_or_code(voc::household_statuses, h.status, lang));
    case cause: return qt(common::label_or_code(voc::poverty_causes, h.main_cause, lang));
    case per_capita: return qt(common::format_amount(h.per_capita_net_income));
    case updated: return qt(common::format_beijing_time(h.updated_at_ms));
    }
    return {};
}

QVariant household_list_model::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case head: return tr("户主");
    case size: return tr("人口");
    case village: return tr("村");
    case group: return tr("组");
    case status: return tr("状态");
    case cause: return tr("主要致贫原因");
    case per_capita: return tr("人均纯收入（元）");
    case updated: return tr("更新时间");
    }
    return {};
}

bool household_list_model::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !at_end_ && !loading_ && !next_token_.empty();
}

void household_list_model::fetchMore(const QModelIndex& parent) {
    if (canFetchMore(parent)) fetch(next_token_);
}

}  // namespace fupin::desktop
