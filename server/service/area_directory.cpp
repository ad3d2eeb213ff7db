#include "server/service/area_directory.hpp"

#include "server/storage/area_repository.hpp"

namespace fupin::server::service {

area_directory::area_directory(std::chrono::milliseconds max_age) : max_age_(max_age) {}

std::map<std::string, common::area> area_directory::find_all(sql::connection& db,
                                                            const std::vector<std::string>& codes) {
    std::map<std::string, common::area> found;
    std::vector<std::string> missing;
    std::uint64_t read_at = 0;
    {
        std::lock_guard lock(mutex_);
        if (!areas_.empty() && clock::now() - first_read_at_ >= max_age_) forget_all_locked();
        for (const auto& code : codes)
            if (auto it = areas_.find(code); it != areas_.end()) found.emplace(code, it->second);
            else missing.push_back(code);
        if (missing.empty()) return found;
        read_at = generation_;
    }
    const auto read_started = clock::now();
    auto read = storage::area_repository(db).find_all(missing);
    {
        std::lock_guard lock(mutex_);
        // Forgotten since the read began, or a write of the areas still open: what was read may be old.
        if (generation_ == read_at && open_writes_ == 0) {
            if (areas_.empty()) first_read_at_ = read_started;
            for (const auto& [code, area] : read) {
                auto [held, added] = areas_.try_emplace(code, area);
                // Held already, and not the same: two reads saw the areas at different times, and which saw
                // them later cannot be told. Neither is kept.
                if (!added && (held->second.name != area.name || held->second.parent_code != area.parent_code ||
                               held->second.level != area.level)) {
                    forget_all_locked();
                    break;
                }
            }
        }
    }
    found.merge(read);
    return found;
}

void area_directory::forget_all() {
    std::lock_guard lock(mutex_);
    forget_all_locked();
}

void area_directory::forget_all_locked() {
    areas_.clear();
    ++generation_;
}

void area_directory::forget_record(const std::string& record) {
    if (record == storage::area_repository::changed_record) forget_all();
}

void area_directory::changing(const std::string& record) noexcept {
    if (record != storage::area_repository::changed_record) return;
    std::lock_guard lock(mutex_);
    ++open_writes_;
    forget_all_locked();
}

void area_directory::changed(const std::string& record) noexcept {
    if (record != storage::area_repository::changed_record) return;
    std::lock_guard lock(mutex_);
    --open_writes_;
    forget_all_locked();  // a reader that began while the write was open must not keep what it read
}

}  // namespace fupin::server::service
