#pragma once
// `county-server admin user add|disable|enable|reset-password`: account administration on the database
// directly, so that the first administrator can be made before anyone can log in. Audited as the local
// operator of the server machine.
#include <string>

#include "server/service/account_service.hpp"

namespace fupin::server {

// The password is asked for twice without echo on a terminal, or read as one line from standard input.
int admin_user_add(const std::string& database_url, service::new_account account);
int admin_user_set_disabled(const std::string& database_url, const std::string& username, bool disabled);
int admin_user_reset_password(const std::string& database_url, const std::string& username);

// `county-server admin poverty-line set YEAR YUAN`: the year's poverty line, for a county's first set-up (the
// county administrator changes it later with township-client). yuan: per person per year, e.g. "2300".
int admin_poverty_line_set(const std::string& database_url, int year, const std::string& yuan);

}  // namespace fupin::server
