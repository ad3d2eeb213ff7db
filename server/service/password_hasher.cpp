#include "server/service/password_hasher.hpp"

#include <argon2.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace fupin::server::service {

password_hasher::password_hasher(argon2_cost cost) : cost_(cost) { decoy_ = hash("decoy password for timing"); }

std::string password_hasher::hash(std::string_view password) const {
    unsigned char salt[16];
    if (RAND_bytes(salt, sizeof salt) != 1) throw std::runtime_error("no randomness for a password salt");
    constexpr std::size_t hash_length = 32;
    const auto encoded_length =
        argon2_encodedlen(cost_.iterations, cost_.memory_kib, cost_.lanes, sizeof salt, hash_length, Argon2_id);
    std::vector<char> encoded(encoded_length);
    int rc = argon2id_hash_encoded(cost_.iterations, cost_.memory_kib, cost_.lanes, password.data(), password.size(),
                                   salt, sizeof salt, hash_length, encoded.data(), encoded.size());
    if (rc != ARGON2_OK) throw std::runtime_error(std::string("argon2id: ") + argon2_error_message(rc));
    return std::string(encoded.data());
}

bool password_hasher::verify(std::string_view password, const std::string& encoded) const {
    return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

void password_hasher::waste_a_verify(std::string_view password) const { (void)verify(password, decoy_); }

}  // namespace fupin::server::service
