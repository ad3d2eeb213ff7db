#pragma once
// The subcommands of one command group: each is added to its parent with the global flags falling through to
// it, and remembered so that the group can tell whether the command line named one of them (given()).
#include <vector>

namespace CLI {
class App;
}

namespace fupin::client {

class subcommands {
public:
    CLI::App* add(CLI::App& parent, const char* name, const char* help);
    bool any_parsed() const;

private:
    std::vector<CLI::App*> all_;
};

// --year, from 2000 to 2100, as every command of the procedure takes it.
void add_year_option(CLI::App& command, int& year, bool required);

}  // namespace fupin::client
