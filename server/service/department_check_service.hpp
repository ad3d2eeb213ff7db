#pragma once
// Checks against other departments (数据比对, docs/procedure.md "Checks against other departments"): the county
// imports a department's list (a CSV file, read and checked by common/department_list_file: a file with any bad
// row is refused whole, every problem named); every member of the archive the list names gets a flag on the
// household, in the import's transaction; officials read the flags of their area; a township reviewer or the
// poverty office clears a flag with a reason. The gates of the procedures ask here too: members added since a
// list came are matched when the household is judged (raise_new_flags), and an open flag of an excluding kind
// refuses identification (refuse_if_excluded).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/department_check.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

struct department_list_upload {
    std::string kind;  // vocabulary::department_list_kinds
    int year = 0;
    std::string source;     // "" for the kind's department
    std::string file_name;  // for the record
    std::string_view bytes;
};

class department_check_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit department_check_service(clock now);

    // The list stored with its rows, its flags raised, all in one transaction. A file with bad rows: 422
    // list_malformed, details.problems naming each (the first 1,000) and details.problem_count; the same file
    // imported for the same kind and year again: 409 list_exists.
    common::department_list import_list(sql::connection& db, const principal& who,
                                        const department_list_upload& upload) const;
    std::vector<common::department_list> lists(sql::connection& db, const principal& who) const;

    // A household's flags, open and cleared (read_households over its village).
    std::vector<common::household_flag> flags_of_household(sql::connection& db, const principal& who,
                                                           std::int64_t household_id) const;
    // Flags in `area` (a township or village inside the caller's; "" the caller's area), by id after `after`,
    // at most page_size (1..500); open only when `open_only`; of one list when list_id is not 0.
    std::vector<common::household_flag> flags(sql::connection& db, const principal& who, const std::string& area,
                                               bool open_only, std::int64_t list_id, std::int64_t after,
                                               int page_size) const;
    // 核销: the reviewer checked it and says why it does not stand (or no longer does). 409 flag_cleared when
    // cleared already.
    common::household_flag clear(sql::connection& db, const principal& who, std::int64_t flag_id,
                                 const std::string& reason) const;

    // Flags for the household's members the lists name and no flag covers yet, raised in a transaction of
    // their own, so that they stay when the step they guard is refused. A read alone when there are none. The
    // caller has checked that `who` reaches the household: the flags and the trail name him.
    static void raise_new_flags(sql::connection& db, const principal& who, std::int64_t household_id,
                                std::int64_t now);
    // The same inside the caller's write transaction (a review round's entry); how many.
    static std::int64_t raise_new_flags_in(sql::connection& db, const principal& who, std::int64_t household_id,
                                           std::int64_t now);
    // Inside the step's write transaction: new flags raised (raise_new_flags_in), then 409 department_flag naming
    // every flag that holds the household (common::household_flag::holds).
    static void refuse_if_excluded(sql::connection& db, const principal& who, std::int64_t household_id,
                                   std::int64_t now);
    // The reasons of the flags that hold the household (a verdict's preview); none when nothing holds it.
    static std::vector<common::verdict_reason> holding_reasons(sql::connection& db, std::int64_t household_id);

private:
    clock now_;
};

}  // namespace fupin::server::service
