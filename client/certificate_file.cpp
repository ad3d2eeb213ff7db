#include "client/certificate_file.hpp"

#include "transport/tls_context.hpp"

namespace fupin::client {

std::string office_area_of_certificate(const std::string& pem_path) {
    return transport::certificate_file_area_code(pem_path);
}

}  // namespace fupin::client
