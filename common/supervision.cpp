#include "common/supervision.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "common/api_error.hpp"
#include "common/area.hpp"
#include "common/procedure_input.hpp"
#include "common/vocabulary.hpp"

namespace fupin::common {
namespace {

// part ÷ whole in per mille, rounded half up; empty when there is nothing to judge by.
std::optional<int> per_mille(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return std::nullopt;
    part = std::clamp<std::int64_t>(part, 0, whole);
    return static_cast<int>((part * 1000 + whole / 2) / whole);
}

supervision_indicators indicators_of(const supervision_figures& f) {
    supervision_indicators i;
    i.progress = per_mille(f.cases - f.cases_overdue, f.cases);
    i.completeness = per_mille(f.complete_files, f.registered);
    i.objections = per_mille(f.cases_posted_by_county - f.cases_with_objection, f.cases_posted_by_county);
    i.spot_checks = per_mille(f.accurate, f.checked);
    return i;
}

// The weighted mean of the indicators present, in tenths of a point (an indicator of 1000 per mille is 100.0
// points): Σ w·i ÷ Σ w over them, rounded half up.
std::optional<int> score_of(const supervision_weights& w, const supervision_indicators& i) {
    std::int64_t weighted = 0, weights = 0;
    for (const auto& [weight, value] : {std::pair{w.progress, i.progress}, std::pair{w.completeness, i.completeness},
                                        std::pair{w.objections, i.objections}, std::pair{w.spot_checks, i.spot_checks}})
        if (value && weight > 0) {
            weighted += std::int64_t{weight} * *value;
            weights += weight;
        }
    if (weights == 0) return std::nullopt;
    return static_cast<int>((weighted + weights / 2) / weights);
}

}  // namespace

void validate_supervision_weights(const supervision_weights& w) {
    for (const auto& [field, value] : {std::pair{"progress", w.progress}, std::pair{"completeness", w.completeness},
                                       std::pair{"objections", w.objections}, std::pair{"spot_checks", w.spot_checks}})
        if (value < 0 || value > 100)
            throw api_error::invalid_field(field, "invalid_value", "权重应在0至100之间", "a weight must be 0-100");
    if (w.progress + w.completeness + w.objections + w.spot_checks != 100)
        throw api_error::invalid_field("weights", "invalid_value",
                                       fmt::format("四项权重之和应为100，现为{}",
                                                   w.progress + w.completeness + w.objections + w.spot_checks),
                                       "the four weights must add up to 100");
}

void validate_supervision_note(const supervision_note& n) {
    require_code(vocabulary::supervision_note_kinds, n.kind, "kind", true);
    if (n.township_code.empty())
        throw api_error::invalid_field("township_code", "missing_field", "缺少乡镇代码", "township_code is required");
    if (n.township_code.find_first_not_of("0123456789") != std::string::npos ||
        area_level_of_code(n.township_code) != "township")
        throw api_error::invalid_field("township_code", "invalid_value", "应为乡镇的区划代码（9位）",
                                       "must be a township's code (9 digits)");
    checked_text(n.text, "text", 1000, true);
}

void rank_townships(const supervision_weights& weights, std::vector<township_standing>& townships) {
    for (auto& t : townships) {
        t.indicators = indicators_of(t.figures);
        t.score = score_of(weights, t.indicators);
        t.rank.reset();
    }
    std::stable_sort(townships.begin(), townships.end(), [](const township_standing& a, const township_standing& b) {
        if (a.score.has_value() != b.score.has_value()) return a.score.has_value();
        if (a.score != b.score) return *a.score > *b.score;
        return a.township_code < b.township_code;
    });
    // Competition ranking: equal scores share a rank, and the next rank counts them all (1, 2, 2, 4).
    for (std::size_t i = 0; i < townships.size() && townships[i].score; ++i)
        townships[i].rank = i > 0 && townships[i].score == townships[i - 1].score ? townships[i - 1].rank
                                                                                  : std::optional<int>(static_cast<int>(i) + 1);
}

std::string format_score(int score) { return fmt::format("{}.{}", score / 10, score % 10); }

std::string format_indicator(const std::optional<int>& per_mille) {
    if (!per_mille) return "—";
    return fmt::format("{}.{}%", *per_mille / 10, *per_mille % 10);
}

std::string indicator_basis(const supervision_figures& f, const std::string& indicator) {
    const auto basis = [](std::int64_t part, std::int64_t whole) {
        return whole > 0 ? fmt::format("{}/{}", part, whole) : std::string();
    };
    if (indicator == "progress") return basis(f.cases - f.cases_overdue, f.cases);
    if (indicator == "completeness") return basis(f.complete_files, f.registered);
    if (indicator == "objections") return basis(f.cases_posted_by_county - f.cases_with_objection, f.cases_posted_by_county);
    if (indicator == "spot_checks") return basis(f.accurate, f.checked);
    return {};
}

}  // namespace fupin::common
