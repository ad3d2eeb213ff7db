#pragma once
// Counts the TLS handshakes in progress, in all and per peer address. A connection that never finishes its
// handshake costs a file descriptor and a place under the connection cap until its deadline: without these
// limits a thousand silent sockets from one machine keep every township out. A connection that finds either
// limit reached is closed at once, before its handshake starts; those already past theirs are not touched.
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace fupin::server::net {

class handshake_limiter {
public:
    handshake_limiter(std::size_t total_limit, std::size_t per_address_limit)
        : total_limit_(total_limit), per_address_limit_(per_address_limit) {}

    // A place for one handshake, given back when it is destroyed (the handshake ended, however it ended).
    class ticket {
    public:
        ticket(handshake_limiter& owner, std::string address) : owner_(&owner), address_(std::move(address)) {}
        ticket(ticket&& other) noexcept : owner_(other.owner_), address_(std::move(other.address_)) { other.owner_ = nullptr; }
        ticket(const ticket&) = delete;
        ticket& operator=(const ticket&) = delete;
        ticket& operator=(ticket&&) = delete;
        ~ticket() {
            if (owner_) owner_->leave(address_);
        }

    private:
        handshake_limiter* owner_;
        std::string address_;
    };

    // A ticket, or nullopt when `address` already has its limit of handshakes in progress or all do.
    std::optional<ticket> try_enter(const std::string& address);

    std::size_t in_progress() const;

private:
    void leave(const std::string& address);

    const std::size_t total_limit_;
    const std::size_t per_address_limit_;
    mutable std::mutex mutex_;
    std::size_t total_ = 0;
    std::map<std::string, std::size_t> per_address_;  // only addresses with a handshake in progress
};

}  // namespace fupin::server::net
