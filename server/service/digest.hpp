#pragma once
// SHA-256 and random tokens as lower-case hex (OpenSSL), the one place the server makes either.
#include <cstddef>
#include <string>
#include <string_view>

namespace fupin::server::service {

std::string sha256_hex(std::string_view data);
// `bytes` random bytes from OpenSSL's CSPRNG, as 2 × bytes hex characters.
std::string random_hex(std::size_t bytes);

}  // namespace fupin::server::service
