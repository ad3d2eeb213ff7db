#pragma once
// township-client's attachments (资料, docs/protocol.md "Attachments"): attach HOUSEHOLD FILE --kind K [--case ID]
// uploads a PDF, JPEG or PNG (checked here by its bytes and size before it is sent); attachments HOUSEHOLD lists
// a file's; attachment get ID [-o F] saves one; complete HOUSEHOLD says what the file still lacks (资料齐全).
#include <cstdint>
#include <string>

#include "client/command_group.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class attachment_commands : public command_group {
public:
    explicit attachment_commands(CLI::App& app);

    bool given() const override;
    // The file to attach is read and checked: a PDF, JPEG or PNG of at most 10 MB; the folder of -o can take a file.
    int check_before_connecting(std::istream& in, std::ostream& err, common::language lang) override;
    int run(const command_context& c) override;

private:
    CLI::App* attach_ = nullptr;
    CLI::App* list_ = nullptr;
    CLI::App* get_ = nullptr;
    CLI::App* complete_ = nullptr;
    std::int64_t id_ = 0;
    std::int64_t case_id_ = 0;
    std::string file_;
    std::string kind_;
    std::string output_;
    std::string content_;
};

}  // namespace fupin::client
