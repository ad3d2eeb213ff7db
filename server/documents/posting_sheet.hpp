#pragma once
// 公示榜: a posting as the sheet pinned to the notice board: its title, the dates it runs, the households (no
// ID numbers: a posting is public), where objections go, and who published it. Identification and exit postings
// of every level.
#include "common/language.hpp"
#include "common/procedure.hpp"
#include "server/documents/pdf_document.hpp"

namespace fupin::server::documents {

void draw_posting(pdf_document& doc, const common::posting& p, common::language lang);

}  // namespace fupin::server::documents
