#include "server/net/server_context.hpp"

namespace fupin::server::net {

std::shared_ptr<ssl::context> server_context::current_tls() {
    std::lock_guard lock(tls_mutex_);
    return tls_;
}

void server_context::replace_tls(std::shared_ptr<ssl::context> tls) {
    std::lock_guard lock(tls_mutex_);
    tls_ = std::move(tls);
}

std::uint64_t server_context::add_session(std::function<void()> close_if_idle) {
    std::lock_guard lock(mutex_);
    auto id = next_session_++;
    sessions_.emplace(id, std::move(close_if_idle));
    return id;
}

void server_context::remove_session(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    sessions_.erase(id);
}

std::size_t server_context::session_count() {
    std::lock_guard lock(mutex_);
    return sessions_.size();
}

void server_context::close_idle_sessions() {
    std::lock_guard lock(mutex_);
    for (auto& [id, close] : sessions_) close();
}

}  // namespace fupin::server::net
