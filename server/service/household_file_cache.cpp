#include "server/service/household_file_cache.hpp"

namespace fupin::server::service {

household_file_cache::household_file_cache(std::size_t capacity, std::chrono::milliseconds max_age,
                                           monotonic_clock now)
    : capacity_(capacity), max_age_(max_age), now_(std::move(now)) {}

household_file_cache::ticket household_file_cache::before_read(std::int64_t id) const {
    std::lock_guard lock(mutex_);
    return generations_[stripe_of(id)];
}

std::optional<household_file_cache::file> household_file_cache::find(std::int64_t id) {
    if (!enabled()) return std::nullopt;
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end()) return std::nullopt;
    if (now_() - it->second.stored_at >= max_age_) {
        erase_locked(id);
        return std::nullopt;
    }
    recency_.splice(recency_.begin(), recency_, it->second.position);
    return it->second.value;
}

void household_file_cache::store(std::int64_t id, file f, ticket taken_before_read) {
    if (!enabled()) return;
    const auto now = now_();
    std::lock_guard lock(mutex_);
    const auto stripe = stripe_of(id);
    // Forgotten since the read began, or a write of it (or of the areas) still open: what was read may be old.
    if (generations_[stripe] != taken_before_read || open_writes_[stripe] > 0 || open_writes_of_all_ > 0) return;
    if (auto it = entries_.find(id); it != entries_.end()) {
        if (it->second.value.version >= f.version) return;  // a racing reader stored this version or a newer one
        it->second.value = std::move(f);
        it->second.stored_at = now;
        recency_.splice(recency_.begin(), recency_, it->second.position);
        return;
    }
    if (entries_.size() >= capacity_) erase_locked(recency_.back());
    recency_.push_front(id);
    entries_.emplace(id, slot{std::move(f), now, recency_.begin()});
}

void household_file_cache::forget(std::int64_t id) {
    std::lock_guard lock(mutex_);
    bump_locked({target::one, id});
}

void household_file_cache::outbox_lost() noexcept { forget_all(); }

void household_file_cache::forget_all() {
    decltype(entries_) entries;
    decltype(recency_) recency;
    {
        std::lock_guard lock(mutex_);
        bump_locked({target::all, 0});
        entries.swap(entries_);  // freed below, outside the lock
        recency.swap(recency_);
    }
}

void household_file_cache::changed_elsewhere(const common::record_key& record, std::int64_t version) noexcept {
    const auto t = target_of(record);
    if (t.what == target::all) return forget_all();
    if (t.what != target::one) return;
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(t.id); version > 0 && it != entries_.end() && it->second.value.version >= version) {
        // Kept. A read still in flight may hold an older version; should the kept one be dropped (least
        // recently read, or too old) before that read stores, it must not come back: the read's ticket goes.
        ++generations_[stripe_of(t.id)];
        return;
    }
    bump_locked(t);
}

void household_file_cache::changing(const common::record_key& record) noexcept {
    const auto t = target_of(record);
    if (t.what == target::nothing) return;
    std::lock_guard lock(mutex_);
    if (t.what == target::one) ++open_writes_[stripe_of(t.id)];
    else ++open_writes_of_all_;
    bump_locked(t);
}

void household_file_cache::changed(const common::record_key& record) noexcept {
    const auto t = target_of(record);
    if (t.what == target::nothing) return;
    std::lock_guard lock(mutex_);
    if (t.what == target::one) --open_writes_[stripe_of(t.id)];
    else --open_writes_of_all_;
    bump_locked(t);  // a reader that began while the write was open must not store what it read
}

std::size_t household_file_cache::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

household_file_cache::target household_file_cache::target_of(const common::record_key& record) noexcept {
    switch (record.what()) {
        case common::record_key::kind::household: return {target::one, record.id()};
        case common::record_key::kind::areas: return {target::all, 0};
        case common::record_key::kind::unreadable: return {target::all, 0};  // too much rather than too little
        case common::record_key::kind::account: return {};
        case common::record_key::kind::other: return {};
    }
    return {target::all, 0};
}

void household_file_cache::erase_locked(std::int64_t id) {
    if (auto it = entries_.find(id); it != entries_.end()) {
        recency_.erase(it->second.position);
        entries_.erase(it);
    }
}

void household_file_cache::bump_locked(const target& t) {
    if (t.what == target::one) {
        ++generations_[stripe_of(t.id)];
        erase_locked(t.id);
    } else {
        for (auto& g : generations_) ++g;
        entries_.clear();
        recency_.clear();
    }
}

}  // namespace fupin::server::service
