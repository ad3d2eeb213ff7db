#pragma once
// township-client's supervision (专项督查): ranking --year Y [--area C] [--xlsx|--pdf -o FILE], each township's
// rank, score and indicators with the figures behind them and the 通报 on it; supervision weights set YEAR
// --progress N --completeness N --objections N --spot-checks N (the county) and weights show YEAR; supervision
// note TOWNSHIP --year Y --kind commendation|criticism --text T (supervisors and the poverty office).
#include <string>

#include "client/command_group.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class supervision_commands : public command_group {
public:
    explicit supervision_commands(CLI::App& app);

    bool given() const override;
    // The weights and the note are checked here (common/supervision.hpp) before anything is sent, and the
    // folder of a file to save.
    int check_before_connecting(std::istream& in, std::ostream& err, common::language lang) override;
    int run(const command_context& c) override;

private:
    CLI::App* ranking_ = nullptr;
    CLI::App* set_weights_ = nullptr;
    CLI::App* show_weights_ = nullptr;
    CLI::App* note_ = nullptr;
    int year_ = 0;
    std::string area_;
    bool xlsx_ = false;
    bool pdf_ = false;
    std::string output_;
    int progress_ = 0, completeness_ = 0, objections_ = 0, spot_checks_ = 0;
    std::string township_, kind_, text_;
};

}  // namespace fupin::client
