#pragma once
// Assistance (帮扶) after registration: measures by category with their funds by source (分类分档), projects that
// serve several households, each household's plan for the year, visits, and the 三到户三到人 view computed from
// them. Plain data, shared by client and server; the checks of a clerk's input are in assistance_json.hpp, which
// categories fit which causes in assistance_rules.hpp.
#include <cstdint>
#include <string>
#include <vector>

#include "common/household.hpp"

namespace fupin::common {

// One source's money for a measure, in fen: what was planned and what has been paid to the household.
struct measure_fund {
    std::string source;  // vocabulary::fund_sources: 中央, 省, 市, 县, 信贷, 自筹, 社会帮扶
    money_fen planned = 0;
    money_fen paid = 0;
};

struct measure {
    std::int64_t id = 0;
    std::int64_t household_id = 0;
    std::string village_code;  // the household's (filled by the server)
    std::string category;      // vocabulary::measure_categories
    int plan_year = 0;
    std::string content;       // what is done, e.g. "发放良种猪2头，技术员跟踪指导"
    std::int64_t helper_id = 0;  // the helper who answers for it (项目到人); 0 when none is named yet
    std::string helper_name;     // filled on read
    std::int64_t project_id = 0;  // the project it is the household's share of; 0 when it stands alone
    std::string project_name;     // filled on read
    std::string status = "planned";  // vocabulary::measure_statuses: 计划, 实施中, 已完成, 取消
    std::string cancel_reason;       // required when cancelled
    std::string start_date;  // "YYYY-MM-DD" (China) or empty
    std::string end_date;    // "YYYY-MM-DD" or empty; not before start_date
    std::vector<measure_fund> funds;  // each source at most once
    std::int64_t version = 0;
    std::string updated_by;
    std::int64_t updated_at_ms = 0;
};

// A measure's funds of every source together.
inline money_fen planned_total(const measure& m) {
    money_fen sum = 0;
    for (const auto& f : m.funds) sum += f.planned;
    return sum;
}
inline money_fen paid_total(const measure& m) {
    money_fen sum = 0;
    for (const auto& f : m.funds) sum += f.paid;
    return sum;
}

// A project (项目) serving several households: a road, a water scheme, a cooperative's barn. Each household's
// share is a measure naming the project.
struct project {
    std::int64_t id = 0;
    std::string name;
    std::string category;   // vocabulary::measure_categories
    int year = 0;
    std::string area_code;  // the village or township it serves
    std::string content;
    int households = 0;      // measures naming it (filled on read)
    money_fen planned = 0;   // their funds together (filled on read)
    money_fen paid = 0;
    std::int64_t version = 0;
    std::int64_t created_at_ms = 0;
};

// A household's assistance plan for a year (帮扶计划): its measures are those of the year; the plan adds what
// they are expected to bring and when the household acknowledged it.
struct assistance_plan {
    std::int64_t household_id = 0;
    int year = 0;
    money_fen expected_income_effect = 0;  // per year, for the household
    std::string acknowledged_on;  // "YYYY-MM-DD": the household signed it (户签字认可); empty until then
    std::string note;
    std::vector<measure> measures;  // filled on read
    std::int64_t version = 0;
    std::string updated_by;
    std::int64_t updated_at_ms = 0;
};

// A visit to a household (走访记录), or the county's unannounced check (明察暗访) on the same file.
struct visit {
    std::int64_t id = 0;
    std::int64_t household_id = 0;
    std::string village_code;  // filled by the server
    std::int64_t helper_id = 0;  // the helper who visited; 0 for a supervisor's check
    std::string helper_name;     // filled on read
    std::string kind;            // vocabulary::visit_kinds
    std::string visited_on;      // "YYYY-MM-DD", not in the future
    std::string done;            // what was done
    std::string situation;       // the household's situation found
    std::string follow_up;       // what is to follow
    std::string recorded_by;
    std::int64_t recorded_at_ms = 0;
};

}  // namespace fupin::common
