#pragma once
// Several observers of one connection's writes (change_observer.hpp), told in the order given: the server's
// household file cache and its area directory hear the same writes.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "server/sql/change_observer.hpp"

namespace fupin::server::sql {

class change_observers : public change_observer {
public:
    explicit change_observers(std::vector<std::shared_ptr<change_observer>> all) : all_(std::move(all)) {}

    void changing(const std::string& record) noexcept override {
        for (const auto& o : all_) o->changing(record);
    }
    void changed(const std::string& record) noexcept override {
        for (const auto& o : all_) o->changed(record);
    }

private:
    std::vector<std::shared_ptr<change_observer>> all_;
};

}  // namespace fupin::server::sql
