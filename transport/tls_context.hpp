#pragma once
// The TLS settings of the archive, in one place: TLS 1.2 and 1.3 only, P-256 certificates from the county CA,
// and on the server a client certificate is required.
#include <string>

#include "transport/asio.hpp"

namespace fupin::transport {

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

// Whether the peer certificate of a connection that shook hands under older settings still verifies under
// `current` (its CA and CRL): false once it has been revoked.
bool peer_still_trusted(SSL* ssl_handle, ssl::context& current);

// The area code a peer's certificate carries in its subject's OU field (township: 9 digits, county office:
// 6 digits); empty when there is no certificate, no OU or more than one. Works on a completed handshake.
std::string peer_area_code(SSL* ssl_handle);
// The same, read from a certificate in a PEM file (the desktop's first-run check of an office's certificate).
// Throws std::runtime_error when the file cannot be read or holds no certificate.
std::string certificate_file_area_code(const std::string& pem_path);
// The peer certificate's subject in one line (RFC 2253), for logs and, later, the audit trail.
std::string peer_subject(SSL* ssl_handle);

}  // namespace fupin::transport
