#pragma once
// Certificates for the client tests, made by certs/make-certs (as an operator would) in a temporary directory:
// a county CA, the server's certificate and township 529901101's client certificate.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "transport/tls_context.hpp"

namespace fupin::client::test {

class test_pki {
public:
    // Makes the certificates under `dir` (created); ok() is false when that failed: the tests then fail, since a
    // broken make-certs must not pass for a green run.
    explicit test_pki(std::filesystem::path dir) : dir_(std::move(dir)) {
        std::filesystem::create_directories(dir_);
        std::ofstream(dir_ / "areas.json")
            << "{\"code\":\"529901\",\"parent_code\":\"\",\"level\":\"county\",\"name\":\"测试县\"}\n"
               "{\"code\":\"529901101\",\"parent_code\":\"529901\",\"level\":\"township\",\"name\":\"石门镇\"}\n";
        const std::string command = std::string(FUPIN_SOURCE_DIR) + "/certs/make-certs --out '" +
                                    (dir_ / "county").string() + "' --areas '" + (dir_ / "areas.json").string() +
                                    "' >/dev/null 2>&1";
        ok_ = std::system(command.c_str()) == 0;
    }

    bool ok() const { return ok_; }
    std::string ca() const { return (dir_ / "county" / "ca.crt").string(); }
    std::string certificate() const { return (dir_ / "county" / "townships" / "529901101.crt").string(); }
    std::string private_key() const { return (dir_ / "county" / "townships" / "529901101.key").string(); }

    transport::ssl::context server_context() const {
        const auto c = dir_ / "county";
        return transport::make_server_tls_context(
            {(c / "server.crt").string(), (c / "server.key").string(), (c / "ca.crt").string(), ""});
    }

private:
    std::filesystem::path dir_;
    bool ok_ = false;
};

}  // namespace fupin::client::test
