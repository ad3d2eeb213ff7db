#pragma once
// 三到户三到人, computed: for each registered household whether the plan, the project and the funds reached it
// (规划到户, 项目到户, 资金到户) and whether a named person answers for it, for its measures and keeps in contact
// (责任到人, 项目到人, 联系到人); rolled up per village, township and county, with every gap listed by household
// so that a township can close it. docs/protocol.md, "三到户三到人", says exactly what each one asks.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fupin::common {

struct sandaohu_household {
    std::int64_t household_id = 0;
    std::string head_name;
    std::string village_code;
    bool plan = false;            // 规划到户: a plan for the year
    bool project = false;         // 项目到户: a measure of the year under way or done
    bool funds = false;           // 资金到户: money of a measure of the year paid to the household
    bool responsibility = false;  // 责任到人: a helper paired now
    bool project_person = false;  // 项目到人: every measure of the year (not cancelled) names a helper, and there is one
    bool contact = false;         // 联系到人: a helper's visit within the window

    bool complete() const { return plan && project && funds && responsibility && project_person && contact; }
};

// How many registered households of an area meet each of the six.
struct sandaohu_area {
    std::string area_code;
    std::string area_name;
    std::string level;  // county | township | village
    int households = 0;
    int plan = 0;
    int project = 0;
    int funds = 0;
    int responsibility = 0;
    int project_person = 0;
    int contact = 0;
    int complete = 0;  // all six

    void count(const sandaohu_household& h);
};

struct sandaohu_report {
    int year = 0;
    std::string area_code;
    std::string since;  // "YYYY-MM-DD": visits from this day count as contact
    std::vector<sandaohu_area> areas;  // the area itself first, then the areas directly below it
    std::vector<sandaohu_household> gaps;  // households missing one or more, by village then id, at most gaps_limit
    int gaps_total = 0;
};

// The six answers by their names in JSON and in `GET /api/v1/sandaohu?missing=`, in the view's order:
// f(name, answer) for a household's (bool) or an area's count (int).
template <class Record, class F>
void each_sandaohu_answer(Record& r, F&& f) {
    f("plan", r.plan);
    f("project", r.project);
    f("funds", r.funds);
    f("responsibility", r.responsibility);
    f("project_person", r.project_person);
    f("contact", r.contact);
}

// Whether the household lacks the answer named (one of the six's names); false for any other name.
inline bool misses(const sandaohu_household& h, std::string_view answer) {
    bool lacks = false;
    each_sandaohu_answer(h, [&](std::string_view name, bool met) {
        if (name == answer) lacks = !met;
    });
    return lacks;
}

inline bool is_sandaohu_answer(std::string_view name) {
    bool found = false;
    const sandaohu_household any;
    each_sandaohu_answer(any, [&](std::string_view n, bool) { found = found || n == name; });
    return found;
}

inline void sandaohu_area::count(const sandaohu_household& h) {
    ++households;
    plan += h.plan;
    project += h.project;
    funds += h.funds;
    responsibility += h.responsibility;
    project_person += h.project_person;
    contact += h.contact;
    complete += h.complete();
}

}  // namespace fupin::common
