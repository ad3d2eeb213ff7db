#pragma once
// township-client's printed documents, made by the server and saved to a file: print card HOUSEHOLD,
// print register --village CODE, print book --township CODE (PDF or XLSX), print posting ID, and
// export --area CODE (the area's archive as one table, XLSX or CSV).
#include <cstdint>
#include <string>

#include "client/command_group.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class document_commands : public command_group {
public:
    explicit document_commands(CLI::App& app);

    bool given() const override;
    // The folder of -o must take a file, before the server makes (and audits) a document nobody can keep.
    int check_before_connecting(std::istream& in, std::ostream& err, common::language lang) override;
    int run(const command_context& c) override;

private:
    // The server's path for what was named, with its query.
    std::string target() const;

    CLI::App* print_ = nullptr;
    CLI::App* card_ = nullptr;
    CLI::App* register_ = nullptr;
    CLI::App* book_ = nullptr;
    CLI::App* posting_ = nullptr;
    CLI::App* export_ = nullptr;
    std::int64_t id_ = 0;
    std::string area_;
    std::string format_ = "pdf";
    std::string export_format_ = "xlsx";
    std::string output_;
};

}  // namespace fupin::client
