#pragma once
// The county's figures as pictures (PNG or SVG, drawn with cairo, labels laid out by pango): a bar chart of the
// households of each area directly below the one asked about (the townships of the county, …), and a pie of the
// households by main cause. The client saves them; the documents embed them.
#include <functional>
#include <string_view>

#include "common/language.hpp"
#include "common/statistics.hpp"

namespace fupin::server::documents {

enum class chart_kind { areas, causes };
enum class chart_format { png, svg };

// Throws std::runtime_error when cairo fails, and what `out` throws.
void draw_statistics_chart(const common::statistics_report& r, chart_kind kind, chart_format format,
                           common::language lang, const std::function<void(std::string_view)>& out);

}  // namespace fupin::server::documents
