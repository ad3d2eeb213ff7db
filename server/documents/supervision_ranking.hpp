#pragma once
// 专项督查排名: the county's ranking of its townships for a year (common/supervision.hpp) as the leading group
// circulates it: the weights, one line per township with its score, rank and each indicator with the figures
// behind it, then the 通报 recorded on the townships. A PDF for the paper circular, an XLSX with the figures as
// numbers; both lay out the same columns.
#include <functional>
#include <string>
#include <string_view>

#include "common/language.hpp"
#include "common/supervision.hpp"
#include "server/documents/pdf_document.hpp"

namespace fupin::server::documents {

std::string supervision_ranking_title(const common::supervision_ranking& r, const std::string& county_name,
                                      common::language lang);
void draw_supervision_ranking(pdf_document& doc, const common::supervision_ranking& r, const std::string& county_name,
                              common::language lang);
void write_supervision_ranking_xlsx(const common::supervision_ranking& r, const std::string& county_name,
                                    const std::string& printed_at, common::language lang,
                                    const std::function<void(std::string_view)>& out);

}  // namespace fupin::server::documents
