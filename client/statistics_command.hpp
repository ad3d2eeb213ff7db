#pragma once
// township-client's figures: stats --year Y [--area CODE] prints them; --xlsx saves the workbook;
// stats chart areas|causes saves a chart (PNG or SVG).
#include <string>

#include "client/command_group.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class statistics_command : public command_group {
public:
    explicit statistics_command(CLI::App& app);

    bool given() const override;
    int check_before_connecting(std::istream& in, std::ostream& err, common::language lang) override;
    int run(const command_context& c) override;

private:
    std::string query() const;

    CLI::App* stats_ = nullptr;
    CLI::App* chart_ = nullptr;
    int year_ = 0;
    std::string area_;
    bool xlsx_ = false;
    std::string kind_;
    std::string format_ = "png";
    std::string output_;
};

}  // namespace fupin::client
