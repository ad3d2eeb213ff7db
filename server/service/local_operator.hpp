#pragma once
// The principal of county-server's own subcommands (areas and households import, admin user …): the operator
// of the server machine, who holds the database anyway. It is named in the audit trail like any user.
#include <string>

#include "server/service/principal.hpp"

namespace fupin::server::service {

inline principal local_operator(const std::string& county_code) {
    principal p;
    p.username = "county-server";
    p.display_name = "服务器本机操作员";
    p.role = "local_operator";
    p.area_code = county_code;
    p.certificate_subject = "(local command line)";
    return p;
}

}  // namespace fupin::server::service
