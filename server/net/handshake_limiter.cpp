#include "server/net/handshake_limiter.hpp"

namespace fupin::server::net {

std::optional<handshake_limiter::ticket> handshake_limiter::try_enter(const std::string& address) {
    std::lock_guard lock(mutex_);
    if (total_ >= total_limit_) return std::nullopt;
    auto& count = per_address_[address];
    if (count >= per_address_limit_) return std::nullopt;  // count > 0 here, so the entry stays meaningful
    ++count;
    ++total_;
    return std::optional<ticket>(std::in_place, *this, address);
}

void handshake_limiter::leave(const std::string& address) {
    std::lock_guard lock(mutex_);
    --total_;
    if (auto it = per_address_.find(address); it != per_address_.end() && --it->second == 0) per_address_.erase(it);
}

std::size_t handshake_limiter::in_progress() const {
    std::lock_guard lock(mutex_);
    return total_;
}

}  // namespace fupin::server::net
