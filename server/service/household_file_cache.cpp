#include "server/service/household_file_cache.hpp"

#include <charconv>
#include <string_view>

#include "server/storage/area_repository.hpp"

namespace fupin::server::service {

household_file_cache::household_file_cache(std::size_t capacity, std::chrono::milliseconds max_age)
    : capacity_(capacity), max_age_(max_age) {}

household_file_cache::ticket household_file_cache::before_read(std::int64_t id) const {
    std::lock_guard lock(mutex_);
    return generations_[stripe_of(id)];
}

std::optional<household_file_cache::file> household_file_cache::find(std::int64_t id) {
    if (!enabled()) return std::nullopt;
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end()) return std::nullopt;
    if (clock::now() - it->second.stored_at >= max_age_) {
        recency_.erase(it->second.position);
        entries_.erase(it);
        return std::nullopt;
    }
    recency_.splice(recency_.begin(), recency_, it->second.position);
    return it->second.value;
}

void household_file_cache::store(std::int64_t id, file f, ticket taken_before_read) {
    if (!enabled()) return;
    std::lock_guard lock(mutex_);
    if (generations_[stripe_of(id)] != taken_before_read) return;  // changed since the read began
    const auto now = clock::now();
    if (auto it = entries_.find(id); it != entries_.end()) {
        it->second.value = std::move(f);
        it->second.stored_at = now;
        recency_.splice(recency_.begin(), recency_, it->second.position);
        return;
    }
    if (entries_.size() >= capacity_) {
        entries_.erase(recency_.back());
        recency_.pop_back();
    }
    recency_.push_front(id);
    entries_.emplace(id, slot{std::move(f), now, recency_.begin()});
}

void household_file_cache::forget(std::int64_t id) {
    std::lock_guard lock(mutex_);
    ++generations_[stripe_of(id)];
    if (auto it = entries_.find(id); it != entries_.end()) {
        recency_.erase(it->second.position);
        entries_.erase(it);
    }
}

void household_file_cache::forget_all() {
    std::lock_guard lock(mutex_);
    for (auto& g : generations_) ++g;
    entries_.clear();
    recency_.clear();
}

void household_file_cache::changed(const std::string& record) {
    constexpr std::string_view household_prefix = "household/";
    if (record == storage::area_repository::changed_record) {
        forget_all();
    } else if (record.starts_with(household_prefix)) {
        std::int64_t id = 0;
        const char* first = record.data() + household_prefix.size();
        const char* last = record.data() + record.size();
        auto [end, ec] = std::from_chars(first, last, id);
        if (ec == std::errc() && end == last) forget(id);
        else forget_all();  // not a name this cache knows: forget too much rather than too little
    }
}

std::size_t household_file_cache::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

}  // namespace fupin::server::service
