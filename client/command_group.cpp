#include "client/command_group.hpp"

#include <ostream>

#include "client/exit_codes.hpp"
#include "client/household_printer.hpp"

namespace fupin::client {

int command_group::check_before_connecting(std::istream&, std::ostream&, common::language) { return exit_ok; }

std::string command_group::explain(const client_error& e, common::language lang) const {
    return household_printer(lang).error(e);
}

void print_raw_answer(std::ostream& out, const std::string& body) {
    out << body;
    if (body.empty() || body.back() != '\n') out << '\n';
}

int print_answer(const command_context& c, const std::string& text) {
    if (c.json) print_raw_answer(c.out, c.client.last_result().body);
    else c.out << text;
    return exit_ok;
}

}  // namespace fupin::client
