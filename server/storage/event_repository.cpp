#include "server/storage/event_repository.hpp"

#include <algorithm>
#include <stdexcept>

namespace fupin::server::storage {
namespace {

constexpr const char* select_head = "SELECT last_seq FROM event_head WHERE id = 1";
// Two statements, no read of the head into the program: the UPDATE takes the head row's lock (held until
// commit) and the INSERT takes its seq from the row it updated. Every write holds that lock from here to its
// commit, so each round trip saved here is saved from the one part of a write that does not run in parallel.
constexpr const char* advance_head = "UPDATE event_head SET last_seq = last_seq + 1 WHERE id = 1";
constexpr const char* insert_event =
    "INSERT INTO events (seq, at_ms, kind, record, township_code, village_code, public, summary, public_summary) "
    "SELECT last_seq, ?, ?, ?, ?, ?, ?, ?, ? FROM event_head WHERE id = 1";
// append_all(): the head moved by n at once, then the n events in one INSERT taking their seqs from it, as
// append() does for one: the k-th of n gets last_seq - (n - 1 - k). Two statements however many they are.
constexpr const char* advance_head_by = "UPDATE event_head SET last_seq = last_seq + ? WHERE id = 1";
constexpr const char* insert_events =
    "INSERT INTO events (seq, at_ms, kind, record, township_code, village_code, public, summary, public_summary) ";
constexpr const char* event_from_head = "SELECT last_seq - ?, ?, ?, ?, ?, ?, ?, ?, ? FROM event_head WHERE id = 1";
constexpr const char* union_all = " UNION ALL ";
constexpr std::size_t events_per_insert = 200;
constexpr const char* select_after =
    "SELECT seq, at_ms, kind, record, township_code, village_code, public, summary, public_summary FROM events "
    "WHERE seq > ? ORDER BY seq LIMIT ?";

}  // namespace

void event_repository::append(const change_event& e) {
    if (!conn_.in_transaction()) throw std::logic_error("event_repository::append outside a transaction");
    if (conn_.execute(advance_head) != 1) throw std::logic_error("event_head row missing");
    conn_.execute(insert_event, {e.at_ms, e.kind, e.record, e.township_code, e.village_code,
                                 std::int64_t{e.is_public ? 1 : 0}, e.summary.empty() ? "{}" : e.summary,
                                 e.public_summary.empty() ? "{}" : e.public_summary});
}

void event_repository::append_all(const std::vector<change_event>& events) {
    if (events.size() <= 1) {
        for (const auto& e : events) append(e);
        return;
    }
    if (!conn_.in_transaction()) throw std::logic_error("event_repository::append_all outside a transaction");
    const auto n = static_cast<std::int64_t>(events.size());
    if (conn_.execute(advance_head_by, {n}) != 1) throw std::logic_error("event_head row missing");
    std::int64_t below_head = n;
    // At most events_per_insert per statement: SQLite takes no more than 500 terms in one compound SELECT.
    for (std::size_t start = 0; start < events.size(); start += events_per_insert) {
        const auto end = std::min(events.size(), start + events_per_insert);
        std::string sql = insert_events;
        std::vector<sql::value> params;
        for (std::size_t i = start; i < end; ++i) {
            const auto& e = events[i];
            if (i > start) sql += union_all;
            sql += event_from_head;
            params.insert(params.end(), {--below_head, e.at_ms, e.kind, e.record, e.township_code, e.village_code,
                                         std::int64_t{e.is_public ? 1 : 0}, e.summary.empty() ? "{}" : e.summary,
                                         e.public_summary.empty() ? "{}" : e.public_summary});
        }
        conn_.execute(sql, params);
    }
}

std::vector<change_event> event_repository::after(std::int64_t after_seq, int limit) {
    std::vector<change_event> out;
    for (const auto& r : conn_.query(select_after, {after_seq, std::int64_t{limit}})) {
        change_event e;
        e.seq = r.get_int64(0);
        e.at_ms = r.get_int64(1);
        e.kind = r.get_string(2);
        e.record = r.get_string(3);
        e.township_code = r.get_string(4);
        e.village_code = r.get_string(5);
        e.is_public = r.get_int64(6) != 0;
        e.summary = r.get_string(7);
        e.public_summary = r.get_string(8);
        out.push_back(std::move(e));
    }
    return out;
}

std::int64_t event_repository::last_seq() { return conn_.query(select_head).at(0).get_int64(0); }

}  // namespace fupin::server::storage
