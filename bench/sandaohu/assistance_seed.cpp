#include "bench/sandaohu/assistance_seed.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

#include "common/china_date.hpp"
#include "server/sql/transaction.hpp"

namespace fupin::bench {
namespace {

using server::sql::value;

// A deterministic draw for (household, salt) in [0, bound).
std::uint64_t draw(std::int64_t household, std::uint64_t salt, std::uint64_t bound) {
    std::uint64_t x = static_cast<std::uint64_t>(household) * 0x9E3779B97F4A7C15ULL ^ (salt * 0xBF58476D1CE4E5B9ULL);
    x ^= x >> 31;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 29;
    return x % bound;
}

// Rows of one table, written `rows_per_statement` at a time with one prepared multi-row INSERT.
class row_writer {
public:
    row_writer(server::sql::connection& conn, std::string head, std::size_t columns, std::size_t rows_per_statement)
        : conn_(conn), columns_(columns), per_statement_(rows_per_statement) {
        std::string row = "(";
        for (std::size_t i = 0; i < columns; ++i) row += i ? ", ?" : "?";
        row += ")";
        sql_ = std::move(head) + " VALUES " + row;
        for (std::size_t i = 1; i < per_statement_; ++i) sql_ += ", " + row;
        head_ = sql_.substr(0, sql_.find(" VALUES ") + 8);
        row_ = row;
    }
    void add(std::vector<value> row) {
        for (auto& v : row) params_.push_back(std::move(v));
        ++written_;
        if (params_.size() == columns_ * per_statement_) flush_full();
    }
    void flush() {
        if (params_.empty()) return;
        const std::size_t rows = params_.size() / columns_;
        std::string sql = head_ + row_;
        for (std::size_t i = 1; i < rows; ++i) sql += ", " + row_;
        conn_.execute(sql, params_);
        params_.clear();
    }
    std::int64_t written() const { return written_; }

private:
    void flush_full() {
        conn_.execute(sql_, params_);
        params_.clear();
    }
    server::sql::connection& conn_;
    std::size_t columns_, per_statement_;
    std::string sql_, head_, row_;
    std::vector<value> params_;
    std::int64_t written_ = 0;
};

std::string date_before(const std::string& today, int days_back) {
    using namespace std::chrono;
    const int y = std::stoi(today.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(today.substr(5, 2)));
    const unsigned d = static_cast<unsigned>(std::stoi(today.substr(8, 2)));
    const year_month_day day{sys_days{year{y} / month{m} / ::std::chrono::day{d}} - days{days_back}};
    return common::format_date(day);
}

const char* const categories[] = {"industry", "employment_training", "infrastructure", "education", "health",
                                  "housing_renovation", "microcredit", "social_safety_net"};
const char* const statuses[] = {"planned", "in_progress", "in_progress", "completed", "completed", "cancelled"};
const char* const sources[] = {"central", "provincial", "county", "credit", "self", "social"};
const char* const kinds[] = {"home_visit", "home_visit", "phone", "group_assistance"};

}  // namespace

seed_counts seed_assistance(server::sql::connection& conn, std::int64_t households, int year, const std::string& today) {
    seed_counts out;
    if (conn.query("SELECT COUNT(*) FROM measures").at(0).get_int64(0) > 0) return out;
    const auto started = std::chrono::steady_clock::now();
    const std::int64_t y = year;
    {
        server::sql::transaction tx(conn, server::sql::tx_mode::write);
        conn.execute("UPDATE households SET status = 'registered' WHERE id <= ?", {households});
        conn.execute("INSERT INTO helper_units (id, name, level, area_code, version, created_at_ms, updated_at_ms) "
                     "VALUES (1, '县直帮扶单位', 'county', '529901', 1, 0, 0)");
        tx.commit();
    }
    const std::int64_t batch = 5000;  // households per transaction
    for (std::int64_t from = 1; from <= households; from += batch) {
        const std::int64_t to = std::min(households, from + batch - 1);
        server::sql::transaction tx(conn, server::sql::tx_mode::write);
        row_writer helper_rows(conn, "INSERT INTO helpers (id, unit_id, name, post, phone, active, version, "
                                     "created_at_ms, updated_at_ms)", 9, 500);
        row_writer pairing_rows(conn, "INSERT INTO pairings (household_id, helper_id, village_code, started_at_ms, "
                                      "started_by, start_reason)", 6, 500);
        row_writer measure_rows(conn, "INSERT INTO measures (id, household_id, village_code, category, plan_year, "
                                      "content, helper_id, status, cancel_reason, planned_total_fen, paid_total_fen, "
                                      "version, updated_by, updated_at_ms)",
                                14, 400);
        row_writer fund_rows(conn, "INSERT INTO measure_funds (measure_id, source, planned_fen, paid_fen, household_id, "
                                   "plan_year, measure_status)", 7, 500);
        row_writer plan_rows(conn, "INSERT INTO assistance_plans (household_id, year, expected_income_effect_fen, "
                                   "acknowledged_on, note, version, updated_by, updated_at_ms)", 8, 500);
        row_writer visit_rows(conn, "INSERT INTO visits (household_id, village_code, helper_id, kind, visited_on, "
                                    "done, situation, follow_up, recorded_by, recorded_at_ms)", 10, 400);
        // Helper n answers for households 5n-4 .. 5n; a batch starts at a multiple of 5 plus 1, so each helper
        // is written in the transaction of its first household.
        for (std::int64_t h = from; h <= to; ++h)
            if ((h - 1) % 5 == 0) {
                const std::int64_t id = (h - 1) / 5 + 1;
                helper_rows.add({id, std::int64_t{1}, "帮扶" + std::to_string(id), std::string("干部"),
                                 std::string("13900000000"), std::int64_t{1}, std::int64_t{1}, std::int64_t{0},
                                 std::int64_t{0}});
            }
        helper_rows.flush();
        std::vector<std::vector<value>> funds;  // written after their measures
        std::vector<std::string> villages;
        for (const auto& r : conn.query("SELECT id, village_code FROM households WHERE id BETWEEN ? AND ? ORDER BY id",
                                        {from, to}))
            villages.push_back(r.get_string(1));
        for (std::int64_t h = from; h <= to; ++h) {
            const auto& village = villages.at(static_cast<std::size_t>(h - from));
            const std::int64_t helper = (h - 1) / 5 + 1;
            if (draw(h, 1, 100) < 95)
                pairing_rows.add({h, helper, village, std::int64_t{0}, std::string("bench"), std::string("结对")});
            const auto measures = 3 + static_cast<std::int64_t>(draw(h, 2, 5));  // 3..7, 5 on average
            for (std::int64_t k = 0; k < measures; ++k) {
                const std::int64_t id = (h - 1) * 8 + k + 1;
                const std::string status = statuses[draw(h, 10 + static_cast<std::uint64_t>(k), 6)];
                const bool named = draw(h, 20 + static_cast<std::uint64_t>(k), 100) < 90;
                // The measure's funds first: the row keeps their totals, and each fund the measure's household,
                // year and status (migration 028).
                const std::int64_t year = k < 4 ? y : y - 1;
                std::int64_t planned_total = 0, paid_total = 0;
                const auto fund_count = 1 + draw(h, 40 + static_cast<std::uint64_t>(k), 2);
                for (std::uint64_t f = 0; f < fund_count; ++f) {
                    const std::int64_t planned = 100000 + static_cast<std::int64_t>(draw(h, 50 + f, 500000));
                    const std::int64_t paid = draw(h, 60 + static_cast<std::uint64_t>(k), 3) == 0 ? 0 : planned / 2;
                    planned_total += planned;
                    paid_total += paid;
                    funds.push_back({id, std::string(sources[(draw(h, 70 + static_cast<std::uint64_t>(k), 6) + f) % 6]),
                                     planned, paid, h, year, status});
                }
                measure_rows.add({id, h, village, std::string(categories[draw(h, 30 + static_cast<std::uint64_t>(k), 8)]),
                                  year, std::string("帮扶措施"),
                                  named ? value(helper) : value(server::sql::null), status,
                                  status == "cancelled" ? std::string("户外出") : std::string(), planned_total, paid_total,
                                  std::int64_t{1}, std::string("bench"), std::int64_t{0}});
            }
            if (draw(h, 3, 100) < 85)
                plan_rows.add({h, y, std::int64_t{150000}, std::string("2026-03-01"), std::string(), std::int64_t{1},
                               std::string("bench"), std::int64_t{0}});
            const auto visits = 7 + static_cast<std::int64_t>(draw(h, 4, 7));  // 7..13, 10 on average
            for (std::int64_t k = 0; k < visits; ++k)
                visit_rows.add({h, village, helper, std::string(kinds[draw(h, 80 + static_cast<std::uint64_t>(k), 4)]),
                                date_before(today, static_cast<int>(draw(h, 90 + static_cast<std::uint64_t>(k), 200))),
                                std::string("走访"), std::string(), std::string(), std::string("bench"),
                                std::int64_t{0}});
        }
        measure_rows.flush();
        for (auto& row : funds) fund_rows.add(std::move(row));
        for (auto* w : {&pairing_rows, &fund_rows, &plan_rows, &visit_rows}) w->flush();
        tx.commit();
        out.pairings += pairing_rows.written();
        out.measures += measure_rows.written();
        out.funds += fund_rows.written();
        out.plans += plan_rows.written();
        out.visits += visit_rows.written();
        out.helpers += helper_rows.written();
    }
    out.households = households;
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return out;
}

}  // namespace fupin::bench
