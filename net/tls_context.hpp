#pragma once
// The TLS settings of the archive, in one place: TLS 1.2 and 1.3 only, P-256 certificates from the county CA,
// and on the server a client certificate is required.
#include <string>

#include "net/asio.hpp"

namespace fupin::net {

struct server_tls_files {
    std::string certificate;  // PEM chain of the server
    std::string private_key;  // PEM
    std::string client_ca;    // PEM of the county CA that signs township certificates
    std::string crl;          // PEM CRL of the county CA; empty: none
};

struct client_tls_files {
    std::string ca;           // PEM of the county CA (verifies the server)
    std::string certificate;  // PEM of this township's client certificate; empty: none (tests only)
    std::string private_key;
};

// Throws std::runtime_error naming the file that could not be read.
ssl::context make_server_tls_context(const server_tls_files& files);
ssl::context make_client_tls_context(const client_tls_files& files);

// Re-reads the CRL into a running context (new handshakes see it; existing connections are untouched).
void reload_crl(ssl::context& context, const std::string& crl_file);

}  // namespace fupin::net
