#include "server/service/change_broadcast.hpp"

#include <algorithm>

namespace fupin::server::service {

change_broadcast::change_broadcast(std::vector<std::shared_ptr<record_cache>> caches)
    : caches_([&] {
          std::erase(caches, nullptr);
          return std::move(caches);
      }()) {}

bool change_broadcast::follows_outbox() const {
    return std::any_of(caches_.begin(), caches_.end(), [](const auto& c) { return c->follows_outbox(); });
}

void change_broadcast::changing(const common::record_key& record) noexcept {
    for (const auto& c : caches_) c->changing(record);
}

void change_broadcast::changed(const common::record_key& record) noexcept {
    for (const auto& c : caches_) c->changed(record);
}

void change_broadcast::seen_in_outbox(const common::record_key& record, std::int64_t version) noexcept {
    for (const auto& c : caches_) c->changed_elsewhere(record, version);
}

void change_broadcast::outbox_lost() noexcept {
    for (const auto& c : caches_) c->outbox_lost();
}

}  // namespace fupin::server::service
