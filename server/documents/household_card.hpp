#pragma once
// 户卡: the household's card, in the layout of the national registration form (扶贫开发建档立卡贫困户登记表):
// basics, the members, income by source, production and living conditions, causes, helpers and measures, and
// boxes for the signatures of the head of household, the village and the township. The household keeps it; the
// archive keeps the data.
#include <vector>

#include "common/assistance.hpp"
#include "common/helper.hpp"
#include "common/household.hpp"
#include "common/language.hpp"
#include "server/documents/pdf_document.hpp"

namespace fupin::server::documents {

struct household_card {
    common::household household;
    std::vector<common::pairing> helpers;   // those answering for it now
    std::vector<common::measure> measures;  // every year's, newest plan year first
};

// The card's title, for the page frame.
std::string household_card_title(common::language lang);
void draw_household_card(pdf_document& doc, const household_card& card, common::language lang);

}  // namespace fupin::server::documents
