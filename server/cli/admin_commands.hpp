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

}  // namespace fupin::server
