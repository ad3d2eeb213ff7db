#pragma once
// How a household file and its members lie in the tables `households` and `members`: one list of columns each,
// every column with how it is written from the file and read back into it. household_repository's INSERT, UPDATE
// and SELECT statements, and the growth benchmark's bulk loader, are all made from these two lists, so a field
// of the form is added here once (beside its migration in schema/).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/household.hpp"
#include "server/sql/row.hpp"
#include "server/sql/value.hpp"

namespace fupin::server::storage {

class household_columns {
public:
    // The columns of `households` that a file's fields are written to (everything but id, version, status and
    // the two times), in order, and one file's values in that order.
    static const std::vector<std::string_view>& household_names();
    static std::vector<sql::value> household_values(const common::household& h);
    // Reads those columns, found from column `first` of r on, into h.
    static void read_household(const sql::row& r, std::size_t first, common::household& h);

    // The same for `members`, after its household_id and seq.
    static const std::vector<std::string_view>& member_names();
    static std::vector<sql::value> member_values(const common::member& m);
    static void read_member(const sql::row& r, std::size_t first, common::member& m);

    // "a, b, c", each name after `prefix` (e.g. "h."); "?, ?, ?" for n columns.
    static std::string joined(const std::vector<std::string_view>& names, std::string_view prefix = "");
    static std::string placeholders(std::size_t n);
};

}  // namespace fupin::server::storage
