#pragma once
// What township-client prints about the checks against other departments (数据比对): the imported lists, the
// flags of an area or a household, one flag, and the problems of a refused file.
#include <string>
#include <vector>

#include "common/department_check.hpp"
#include "common/department_list_file.hpp"
#include "common/language.hpp"

namespace fupin::client {

class department_check_printer {
public:
    explicit department_check_printer(common::language lang) : lang_(lang) {}

    std::string list(const common::department_list& l) const;  // one imported list, as the import answers
    std::string lists(const std::vector<common::department_list>& items) const;
    std::string flags(const std::vector<common::household_flag>& items) const;
    std::string flag(const common::household_flag& f) const;
    // One line per problem, then how many more were not named.
    std::string problems(const std::vector<common::department_list_problem>& items, std::size_t count) const;

private:
    common::language lang_;
};

}  // namespace fupin::client
