#pragma once
// A posting's title as the notice board and the terminal show it ("青峰村 2026年扶贫对象第一榜公示"): the same
// words in the client's printout and in the server's printed posting.
#include <string>

#include "common/language.hpp"
#include "common/procedure.hpp"

namespace fupin::common {

std::string posting_title(const posting& p, language lang);

}  // namespace fupin::common
