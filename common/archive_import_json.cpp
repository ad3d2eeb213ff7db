#include "common/archive_import_json.hpp"

#include "common/api_error.hpp"
#include "common/household_json.hpp"
#include "common/json_fields.hpp"

namespace fupin::common {

using json = nlohmann::json;
using namespace json_fields;

namespace {

json year_or_null(const std::optional<int>& year) { return year ? json(*year) : json(nullptr); }

std::optional<int> year_at(const json& j, const std::string& path) {
    if (j.is_null()) return std::nullopt;
    return int_at(j, path);
}

}  // namespace

json to_json(const archive_import& i) {
    return {{"id", i.id},
            {"area_code", i.area_code},
            {"file_name", i.file_name},
            {"state", i.state},
            {"households", i.households},
            {"people", i.people},
            {"problems", i.problems},
            {"created_by", i.created_by},
            {"created_at", utc_ms_or_null(i.created_at_ms)},
            {"closed_at", utc_ms_or_null(i.closed_at_ms)}};
}

archive_import archive_import_from_json(const json& j) {
    archive_import i;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "id") i.id = int64_at(v, key);
        else if (key == "area_code") i.area_code = string_at(v, key);
        else if (key == "file_name") i.file_name = string_at(v, key);
        else if (key == "state") i.state = string_at(v, key);
        else if (key == "households") i.households = int64_at(v, key);
        else if (key == "people") i.people = int64_at(v, key);
        else if (key == "problems") i.problems = int64_at(v, key);
        else if (key == "created_by") i.created_by = string_at(v, key);
        else if (key == "created_at") i.created_at_ms = utc_ms_or_zero_at(v, key);
        else if (key == "closed_at") i.closed_at_ms = utc_ms_or_zero_at(v, key);
    }
    return i;
}

json to_json(const archive_import_file& f) {
    json helpers = json::array();
    for (const auto& h : f.helpers) helpers.push_back({{"name", h.name}, {"phone", h.phone}});
    return {{"first_row", f.first_row},
            {"rows", f.rows},
            {"status", f.file.status},
            {"registered_year", year_or_null(f.file.registered_year)},
            {"exit_year", year_or_null(f.file.exit_year)},
            {"helpers", helpers},
            {"household", to_json(f.file)}};
}

archive_import_file archive_import_file_from_json(const json& j, const std::string& path) {
    archive_import_file f;
    bool has_household = false;
    std::string status = "pending";
    std::optional<int> registered_year, exit_year;
    for (const auto& [key, v] : object_at(j, path).items()) {
        const auto p = join(path, key);
        if (key == "first_row") f.first_row = int_at(v, p);
        else if (key == "rows") {
            if (!v.is_array() || v.size() > 100) invalid_value(p, "应为至多100个行号", "must be at most 100 row numbers");
            for (std::size_t i = 0; i < v.size(); ++i) f.rows.push_back(int_at(v[i], index(p, i)));
        } else if (key == "status") status = string_at(v, p);
        else if (key == "registered_year") registered_year = year_at(v, p);
        else if (key == "exit_year") exit_year = year_at(v, p);
        else if (key == "helpers") {
            if (!v.is_array() || v.size() > 2) invalid_value(p, "至多两名帮扶责任人", "must be at most two helpers");
            for (std::size_t i = 0; i < v.size(); ++i) {
                const auto hp = index(p, i);
                archive_helper helper;
                for (const auto& [k, hv] : object_at(v[i], hp).items()) {
                    if (k == "name") helper.name = string_at(hv, join(hp, k));
                    else if (k == "phone") helper.phone = string_at(hv, join(hp, k));
                    else unknown_field(join(hp, k));
                }
                f.helpers.push_back(std::move(helper));
            }
        }
        else if (key == "household") {
            f.file = household_from_json(v);
            has_household = true;
        } else unknown_field(p);
    }
    if (!has_household) throw api_error::invalid_field(join(path, "household"), "missing_field", "不能为空", "is required");
    if (f.rows.size() != f.file.members.size() || f.rows.empty() || f.rows.front() != f.first_row)
        invalid_value(join(path, "rows"), "应为每位家庭成员一个行号，第一个为 first_row",
                      "must hold one row per member, the first being first_row");
    f.file.status = std::move(status);
    f.file.registered_year = registered_year;
    f.file.exit_year = exit_year;
    return f;
}

json to_json(const archive_import_problem& p) {
    return {{"row", p.row}, {"column", p.column}, {"zh", p.zh}, {"en", p.en}};
}

archive_import_problem archive_import_problem_from_json(const json& j) {
    archive_import_problem p;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "row") p.row = int_at(v, key);
        else if (key == "column") p.column = string_at(v, key);
        else if (key == "zh") p.zh = string_at(v, key);
        else if (key == "en") p.en = string_at(v, key);
    }
    return p;
}

}  // namespace fupin::common
