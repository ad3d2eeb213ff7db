#include "transport/tls_context.hpp"

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <memory>
#include <stdexcept>

namespace fupin::transport {
namespace {

// Both sides refuse SSLv3, TLS 1.0 and TLS 1.1 outright, compression too.
void restrict_protocols(ssl::context& context) {
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                        ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::no_compression);
    if (SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION) != 1)
        throw std::runtime_error("cannot restrict TLS to 1.2 and later");
}

// Asio's own error says "No such file or directory" without naming the file; name it.
template <class Load>
void load_file(const char* what, const std::string& path, Load load) {
    try {
        load();
    } catch (const boost::system::system_error& e) {
        throw std::runtime_error(std::string("cannot load ") + what + " from " + path + ": " + e.what());
    }
}

void load_crl(ssl::context& context, const std::string& crl_file) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_file(crl_file.c_str(), "r"), &BIO_free);
    if (!bio) throw std::runtime_error("cannot open the CRL " + crl_file);
    std::unique_ptr<X509_CRL, decltype(&X509_CRL_free)> crl(PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr),
                                                          &X509_CRL_free);
    if (!crl) throw std::runtime_error("cannot parse the CRL " + crl_file);
    X509_STORE* store = SSL_CTX_get_cert_store(context.native_handle());
    if (X509_STORE_add_crl(store, crl.get()) != 1) throw std::runtime_error("cannot use the CRL " + crl_file);
    X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK);
}

std::string name_entry(X509_NAME* name, int nid) {
    int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0) return {};
    ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char* utf8 = nullptr;
    int length = ASN1_STRING_to_UTF8(&utf8, data);
    if (length < 0) return {};
    std::string value(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(length));
    OPENSSL_free(utf8);
    return value;
}

}  // namespace

ssl::context make_server_tls_context(const server_tls_files& files) {
    ssl::context context(ssl::context::tls_server);
    restrict_protocols(context);
    load_file("the server certificate", files.certificate, [&] { context.use_certificate_chain_file(files.certificate); });
    load_file("the server key", files.private_key, [&] { context.use_private_key_file(files.private_key, ssl::context::pem); });
    load_file("the client CA", files.client_ca, [&] { context.load_verify_file(files.client_ca); });
    if (!files.crl.empty()) load_crl(context, files.crl);
    // A township must prove who it is: no certificate, no connection.
    context.set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
    // Sessions are not resumed: every connection proves its certificate, and a revoked one is refused at once.
    SSL_CTX_set_session_cache_mode(context.native_handle(), SSL_SESS_CACHE_OFF);
    SSL_CTX_set_num_tickets(context.native_handle(), 0);
    return context;
}

ssl::context make_client_tls_context(const client_tls_files& files) {
    ssl::context context(ssl::context::tls_client);
    restrict_protocols(context);
    load_file("the county CA", files.ca, [&] { context.load_verify_file(files.ca); });
    context.set_verify_mode(ssl::verify_peer);
    if (!files.certificate.empty()) {
        load_file("the client certificate", files.certificate, [&] { context.use_certificate_chain_file(files.certificate); });
        load_file("the client key", files.private_key, [&] { context.use_private_key_file(files.private_key, ssl::context::pem); });
    }
    return context;
}

bool peer_still_trusted(SSL* ssl_handle, ssl::context& current) {
    X509* cert = SSL_get0_peer_certificate(ssl_handle);
    if (!cert) return false;
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> check(X509_STORE_CTX_new(), &X509_STORE_CTX_free);
    if (!check) return false;
    // The server's chain holds the peer's certificate and what it sent with it; the store brings CA and CRL.
    if (X509_STORE_CTX_init(check.get(), SSL_CTX_get_cert_store(current.native_handle()), cert,
                            SSL_get_peer_cert_chain(ssl_handle)) != 1)
        return false;
    X509_STORE_CTX_set_purpose(check.get(), X509_PURPOSE_SSL_CLIENT);
    return X509_verify_cert(check.get()) == 1;
}

namespace {

std::string area_code_of(X509* cert) {
    if (!cert) return {};
    // Exactly one OU: with two, which one decides would be a guess (the first, the last), and a certificate
    // naming a township beside the county office must not be read as either.
    X509_NAME* subject = X509_get_subject_name(cert);
    const int first = X509_NAME_get_index_by_NID(subject, NID_organizationalUnitName, -1);
    if (first < 0 || X509_NAME_get_index_by_NID(subject, NID_organizationalUnitName, first) >= 0) return {};
    return name_entry(subject, NID_organizationalUnitName);
}

}  // namespace

std::string peer_area_code(SSL* ssl_handle) { return area_code_of(SSL_get0_peer_certificate(ssl_handle)); }

std::string certificate_file_area_code(const std::string& pem_path) {
    std::unique_ptr<BIO, decltype(&BIO_free)> file(BIO_new_file(pem_path.c_str(), "r"), &BIO_free);
    if (!file) throw std::runtime_error("cannot read the certificate file");
    std::unique_ptr<X509, decltype(&X509_free)> cert(PEM_read_bio_X509(file.get(), nullptr, nullptr, nullptr),
                                                     &X509_free);
    if (!cert) throw std::runtime_error("the file holds no PEM certificate");
    return area_code_of(cert.get());
}

std::string peer_subject(SSL* ssl_handle) {
    X509* cert = SSL_get0_peer_certificate(ssl_handle);
    if (!cert) return {};
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    long length = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(length));
}

}  // namespace fupin::transport
