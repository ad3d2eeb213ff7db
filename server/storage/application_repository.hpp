#pragma once
// Cases of the identification and exit procedures and their step history.
#include <optional>
#include <string>
#include <vector>

#include "common/procedure.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class application_repository {
public:
    explicit application_repository(sql::connection& conn) : conn_(conn) {}

    // Sets a.id, a.version = 1, created/updated = now. Throws sql::constraint_violation when the household
    // already has a case of that kind for that year.
    void insert(common::application& a, std::int64_t now_ms);

    // The case with the household's public facts and its area names; steps not loaded.
    std::optional<common::application> find(std::int64_t id);
    // The same, with the case's row locked until the transaction ends (a step reads, judges and writes it).
    std::optional<common::application> find_for_update(std::int64_t id);
    std::optional<common::application> find_by_household(std::int64_t household_id, const std::string& kind, int year);
    // Whether the household has a case of this kind, of any year and state.
    bool has_case(std::int64_t household_id, const std::string& kind);
    // The household's case of any kind and year that is not final (registered, announced, refused, exited), if any.
    std::optional<common::application> find_open_by_household(std::int64_t household_id);

    // Writes state, open_objections, posting_id and appraisal_rank if the case is still at expected_version;
    // bumps the version. False when another change came first.
    bool update(common::application& a, std::int64_t expected_version, std::int64_t now_ms);

    // area_scope: "" (the county) or a township/village code the caller is limited to. By id.
    std::vector<common::application> list(const common::application_filter& filter, const std::string& area_scope);

    // Case ids of a village (12 digits), township (9) or the county (6) for a year in one state, by id.
    std::vector<std::int64_t> ids_in_state(const std::string& area_code, int year, const std::string& state);

    void add_step(std::int64_t application_id, common::application_step& step);  // sets step.seq
    // Cases that begin in their final state, of households created in this transaction (an import of the earlier
    // archive), each with one step, `step` with the case's state as its to_state: the cases in one statement,
    // their steps in another, whatever their number.
    void insert_closed_cases(const std::vector<common::application>& cases, const common::application_step& step,
                             std::int64_t now_ms);
    std::vector<common::application_step> steps(std::int64_t application_id);

private:
    std::optional<common::application> find_where(const std::string& where, const std::vector<sql::value>& params);

    sql::connection& conn_;
};

}  // namespace fupin::server::storage
