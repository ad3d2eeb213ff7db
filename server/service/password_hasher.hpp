#pragma once
// Passwords are kept only as Argon2id hashes (libargon2), encoded with their parameters and salt so that the
// cost can be raised later without invalidating what is stored.
#include <cstdint>
#include <string>
#include <string_view>

namespace fupin::server::service {

struct argon2_cost {
    std::uint32_t iterations = 2;
    std::uint32_t memory_kib = 19 * 1024;  // OWASP's Argon2id minimum: 19 MiB, 2 iterations, 1 lane
    std::uint32_t lanes = 1;
};

class password_hasher {
public:
    explicit password_hasher(argon2_cost cost = {});

    std::string hash(std::string_view password) const;
    bool verify(std::string_view password, const std::string& encoded) const;
    // Spends the time a verify would, so that an unknown username answers as slowly as a wrong password.
    void waste_a_verify(std::string_view password) const;

private:
    argon2_cost cost_;
    std::string decoy_;
};

}  // namespace fupin::server::service
