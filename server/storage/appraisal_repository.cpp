#include "server/storage/appraisal_repository.hpp"

#include <nlohmann/json.hpp>

namespace fupin::server::storage {
namespace {

constexpr const char* insert_appraisal =
    "INSERT INTO appraisals (village_code, year, meeting_date, panel, recorded_by, recorded_at_ms) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char* insert_result =
    "INSERT INTO appraisal_results (appraisal_id, application_id, proposed_rank, final_rank, votes_for, "
    "votes_against, votes_abstain) VALUES (?, ?, ?, ?, ?, ?, ?)";

}  // namespace

void appraisal_repository::insert(common::appraisal& a) {
    conn_.execute(insert_appraisal, {a.village_code, std::int64_t{a.year}, a.meeting_date,
                                     nlohmann::json(a.panel).dump(), a.recorded_by, a.recorded_at_ms});
    a.id = conn_.last_insert_id();
    for (const auto& r : a.results)
        conn_.execute(insert_result, {a.id, r.application_id, std::int64_t{r.proposed_rank}, std::int64_t{r.final_rank},
                                      std::int64_t{r.votes_for}, std::int64_t{r.votes_against},
                                      std::int64_t{r.votes_abstain}});
}

}  // namespace fupin::server::storage
