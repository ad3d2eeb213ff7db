#pragma once
// township-client's archive import (docs/imports.md): import FILE [--dry-run] reads an XLSX or CSV spreadsheet
// in the national form's columns, checks it here (every row's problems, by row and column, before anything is
// sent), then has the county server check it against the archive batch by batch with a progress bar, and
// commits it whole, or, for a dry run or any problem, abandons it. template [-o FILE] saves the empty template.
#include <string>

#include "client/archive_spreadsheet.hpp"
#include "client/command_group.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class import_commands : public command_group {
public:
    explicit import_commands(CLI::App& app);

    bool given() const override;
    // Reads and checks the spreadsheet: a file with problems is reported and nothing is sent.
    int check_before_connecting(std::istream& in, std::ostream& err, common::language lang) override;
    int run(const command_context& c) override;

private:
    int import(const command_context& c);

    CLI::App* import_ = nullptr;
    CLI::App* template_ = nullptr;
    std::string file_;
    bool dry_run_ = false;
    std::string format_ = "xlsx";
    std::string output_;
    archive_spreadsheet sheet_;
};

}  // namespace fupin::client
