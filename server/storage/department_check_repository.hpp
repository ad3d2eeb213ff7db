#pragma once
// Other departments' lists, their rows, and the flags their rows raise on households (数据比对).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/department_check.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

// A household a list flagged, with its areas (for the change feed).
struct flagged_household {
    std::int64_t household_id = 0;
    std::string township_code;
    std::string village_code;
    int flags = 0;
};

class department_check_repository {
public:
    explicit department_check_repository(sql::connection& conn) : conn_(conn) {}

    // The one rule of a hold, as SQL: whether the household in `household_column` (e.g. "e.household_id") has a
    // flag that holds it (common::household_flag::holds: open, of an excluding kind, its member still in the
    // household). Other repositories' statements use it (a review round's 疑点 list).
    static std::string household_is_held(const std::string& household_column);

    // Whether this file was imported for this kind and year already.
    bool has_list(const std::string& kind, int year, const std::string& file_sha256);

    // Sets l.id; `excluding` is stored from common::excludes(l.kind).
    void insert_list(common::department_list& l, const std::string& file_sha256);
    // Several rows per statement.
    void insert_rows(std::int64_t list_id, const std::vector<common::department_list_row>& rows);
    void set_flagged_households(std::int64_t list_id, int households);

    // Raises a flag for every member of the archive the list names (one statement); how many.
    std::int64_t raise_flags_of_list(std::int64_t list_id, std::int64_t now_ms);
    // The households the list flagged.
    std::vector<flagged_household> flagged_by_list(std::int64_t list_id);

    // Whether any list names a member of the household without a flag for it yet (a member added since the
    // list came, or a household created since): read alone, so a gate can skip the write when there is none.
    bool has_unflagged_hits(std::int64_t household_id);
    // Raises those flags; how many.
    std::int64_t raise_flags_of_household(std::int64_t household_id, std::int64_t now_ms);
    // The household's township and village (flags 0); std::out_of_range when there is no such household.
    flagged_household household_areas(std::int64_t household_id);

    std::vector<common::department_list> lists();  // newest first
    std::optional<common::department_list> find_list(std::int64_t id);

    std::vector<common::household_flag> flags_of_household(std::int64_t household_id);
    // The flags that hold these households, by household (a gate; a page of a review round's entries).
    std::map<std::int64_t, std::vector<common::household_flag>> holding_flags(
        const std::vector<std::int64_t>& household_ids);
    // Flags of households whose village starts with `area_prefix`, by id after `after_id`, at most `limit`;
    // open ones only when `open_only`; of one list when list_id is not 0.
    std::vector<common::household_flag> flags(const std::string& area_prefix, bool open_only, std::int64_t list_id,
                                              std::int64_t after_id, int limit);

    // The flag, its row locked until the transaction ends.
    std::optional<common::household_flag> find_flag_for_update(std::int64_t id);
    void clear_flag(std::int64_t id, const std::string& by, std::int64_t at_ms, const std::string& reason);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
