#pragma once
// Who makes a request, as far as the service layer needs to know. For now the verified client certificate;
// the access issue adds the user and role.
#include <string>

namespace fupin::server::service {

struct caller {
    std::string area_code;  // 9-digit township code, or the 6-digit county code for the county office

    bool is_county() const { return area_code.size() == 6; }
    // Whether a township's files are inside the caller's area.
    bool covers_township(const std::string& township_code) const {
        return township_code.compare(0, area_code.size(), area_code) == 0;
    }
};

}  // namespace fupin::server::service
