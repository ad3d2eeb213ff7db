#include "server/storage/objection_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* insert_objection =
    "INSERT INTO objections (application_id, posting_id, objector_name, objector_contact, grounds, objected_on, "
    "recorded_by, recorded_at_ms, state, answer, consequence, answered_by, answered_at_ms) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', '', '', '', 0)";
constexpr const char* select_objection =
    "SELECT id, application_id, posting_id, objector_name, objector_contact, grounds, objected_on, recorded_by, "
    "recorded_at_ms, state, answer, consequence, answered_by, answered_at_ms FROM objections ";
constexpr const char* where_id = "WHERE id = ?";
constexpr const char* where_application = "WHERE application_id = ? ORDER BY id";
constexpr const char* where_application_open = "WHERE application_id = ? AND state = 'open' ORDER BY id";
constexpr const char* update_answer =
    "UPDATE objections SET state = ?, answer = ?, consequence = ?, answered_by = ?, answered_at_ms = ? WHERE id = ?";

common::objection read_objection(const sql::row& r) {
    common::objection o;
    o.id = r.get_int64(0);
    o.application_id = r.get_int64(1);
    o.posting_id = r.get_int64(2);
    o.objector_name = r.get_string(3);
    o.objector_contact = r.get_string(4);
    o.grounds = r.get_string(5);
    o.objected_on = r.get_string(6);
    o.recorded_by = r.get_string(7);
    o.recorded_at_ms = r.get_int64(8);
    o.state = r.get_string(9);
    o.answer = r.get_string(10);
    o.consequence = r.get_string(11);
    o.answered_by = r.get_string(12);
    o.answered_at_ms = r.get_int64(13);
    return o;
}

}  // namespace

void objection_repository::insert(common::objection& o) {
    conn_.execute(insert_objection, {o.application_id, o.posting_id, o.objector_name, o.objector_contact, o.grounds,
                                     o.objected_on, o.recorded_by, o.recorded_at_ms});
    o.id = conn_.last_insert_id();
    o.state = "open";
}

std::optional<common::objection> objection_repository::find(std::int64_t id) {
    auto rows = conn_.query(std::string(select_objection) + where_id, {id});
    if (rows.empty()) return std::nullopt;
    return read_objection(rows.front());
}

std::optional<common::objection> objection_repository::find_for_update(std::int64_t id) {
    auto rows = conn_.query(std::string(select_objection) + where_id + conn_.for_update(), {id});
    if (rows.empty()) return std::nullopt;
    return read_objection(rows.front());
}

std::vector<common::objection> objection_repository::for_application(std::int64_t application_id, bool open_only) {
    std::vector<common::objection> out;
    const char* where = open_only ? where_application_open : where_application;
    for (const auto& r : conn_.query(std::string(select_objection) + where, {application_id}))
        out.push_back(read_objection(r));
    return out;
}

void objection_repository::save_answer(const common::objection& o) {
    conn_.execute(update_answer, {o.state, o.answer, o.consequence, o.answered_by, o.answered_at_ms, o.id});
}

}  // namespace fupin::server::storage
