#pragma once
// What an office's certificate file says, read before it is used: the area code in its subject's OU (the one rule
// of the server's, transport::certificate_file_area_code). For the desktop's first run, which shows the office a
// certificate belongs to before saving the settings.
#include <string>

namespace fupin::client {

// The area code, or "" when the certificate has no OU or more than one. Throws std::runtime_error when the file
// cannot be read or holds no PEM certificate.
std::string office_area_of_certificate(const std::string& pem_path);

}  // namespace fupin::client
