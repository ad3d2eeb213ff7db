#include "server/service/session_cache.hpp"

namespace fupin::server::service {

session_cache::session_cache(std::chrono::milliseconds ttl, std::size_t capacity, monotonic_clock now)
    : ttl_(ttl), capacity_(capacity), now_(std::move(now)) {}

session_cache::ticket session_cache::before_read() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

std::optional<session_cache::entry> session_cache::find(const std::string& token_hash) const {
    if (!enabled()) return std::nullopt;
    std::lock_guard lock(mutex_);
    auto it = entries_.find(token_hash);
    if (it == entries_.end() || now_() - it->second.stored_at >= ttl_) return std::nullopt;
    return it->second.value;
}

void session_cache::store(const entry& found, ticket taken_before_read) {
    if (!enabled()) return;
    const auto now = now_();
    std::lock_guard lock(mutex_);
    if (generation_ != taken_before_read) return;  // a session or user changed meanwhile
    if (entries_.size() >= capacity_) {
        // Full: drop what has aged out; if that frees nothing, start over (a cache miss costs one query).
        std::erase_if(entries_, [&](const auto& e) { return now - e.second.stored_at >= ttl_; });
        if (entries_.size() >= capacity_) entries_.clear();
    }
    slot kept{found, now};
    kept.value.user.password_hash.clear();  // authentication never needs it, and it should not linger in memory
    entries_.insert_or_assign(found.session.token_hash, std::move(kept));
}

void session_cache::touched(const std::string& token_hash, std::int64_t last_seen_ms) {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(token_hash); it != entries_.end()) it->second.value.session.last_seen_ms = last_seen_ms;
}

void session_cache::changing(const common::record_key& record) noexcept {
    if (record.what() == common::record_key::kind::account) forget_user(record.id());
}

void session_cache::changed(const common::record_key& record) noexcept {
    // Again once the write has ended: a look-up that read the account before the commit may have stored it
    // since changing().
    if (record.what() == common::record_key::kind::account) forget_user(record.id());
}

void session_cache::forget_user(std::int64_t user_id) noexcept {
    std::lock_guard lock(mutex_);
    ++generation_;
    std::erase_if(entries_, [&](const auto& e) { return e.second.value.user.id == user_id; });
}

}  // namespace fupin::server::service
