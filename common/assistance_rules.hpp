#pragma once
// 分类分档: which categories of measure fit a household, from its causes of poverty and its conditions. One table
// (assistance_rules.cpp), read by the client to suggest measures and by the server to say, beside a measure,
// whether its category fits. A suggestion, not a rule a measure must follow: a township may know better.
#include <string>
#include <vector>

#include "common/household.hpp"

namespace fupin::common {

struct category_suggestion {
    std::string category;  // vocabulary::measure_categories
    std::string because;   // the cause (vocabulary::poverty_causes) or the condition that suggests it
    bool main_cause = false;  // suggested by the household's main cause
};

// The categories that fit the household, each once, those of its main cause first, then its other causes, then
// its conditions (a dilapidated house: 危房改造).
std::vector<category_suggestion> suggest_categories(const household& h);

// The categories one cause suggests, in the order the table gives them ("other": none).
std::vector<std::string> categories_for_cause(const std::string& cause);

}  // namespace fupin::common
