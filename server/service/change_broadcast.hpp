#pragma once
// The one way a change reaches the caches (service/record_cache.hpp): the server's database connections report
// their writes here (sql::change_observer: the repositories name what they change), the change feed reports
// what it reads in the outbox (feed::event_hub), and every cache hears both. Made once with the caches, before
// anything reads or writes (services_caches.hpp); it holds only the caches that are on.
#include <memory>
#include <vector>

#include "server/service/record_cache.hpp"
#include "server/sql/change_observer.hpp"

namespace fupin::server::service {

class change_broadcast final : public sql::change_observer {
public:
    explicit change_broadcast(std::vector<std::shared_ptr<record_cache>> caches);

    // No cache is on: connections need not report to it.
    bool empty() const { return caches_.empty(); }
    // Some cache needs the outbox followed (the change feed then polls it even without subscribers).
    bool follows_outbox() const;

    // sql::change_observer: this process's writes.
    void changing(const common::record_key& record) noexcept override;
    void changed(const common::record_key& record) noexcept override;

    // The change feed: a change read in the outbox, or the outbox not followed.
    void seen_in_outbox(const common::record_key& record, std::int64_t version) noexcept;
    void outbox_lost() noexcept;

private:
    const std::vector<std::shared_ptr<record_cache>> caches_;
};

}  // namespace fupin::server::service
