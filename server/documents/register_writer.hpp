#pragma once
// 村册 and 乡镇簿: the village's register and the township's book, one line per household with its members,
// the totals at each village's foot, and a township's summary of its villages. The lines and totals are made
// here once; register_pdf and register_xlsx lay the same lines out on paper and in a spreadsheet. The service
// feeds a writer one household at a time, village by village, so a book of any size is never held as a whole.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/area.hpp"
#include "common/household.hpp"
#include "common/language.hpp"

namespace fupin::server::documents {

// A household's line as both layouts write it.
struct register_line {
    int position = 0;
    std::string group;
    std::string head_name;
    std::string head_id_number;
    int size = 0;
    std::string members;  // "李秀英（配偶）、王小明（之子）": everyone but the head, with the relation
    std::string poverty_type;
    std::string main_cause;
    common::money_fen per_capita_net_income = 0;
    std::string status;
    std::string helpers;  // the helpers answering for it now, "、"-separated
};

register_line register_line_of(const common::household& h, int position, const std::vector<std::string>& helpers,
                               common::language lang);
std::vector<std::string> register_titles(common::language lang);

// What a village's or the whole book's foot sums.
struct register_totals {
    std::string area_name;
    int households = 0;
    int people = 0;
    common::money_fen net_income = 0;       // the households' net incomes together
    std::map<std::string, int> by_status;  // vocabulary::household_statuses → households

    void add(const common::household& h);
    void add(const register_totals& other);
    common::money_fen per_capita() const;  // net_income / people, 0 for none
    std::string status_text(common::language lang) const;  // "已纳入 12、待识别 3"
};

// The document's title: a village's register or a township's book.
std::string register_title(const common::area& area, common::language lang);

class register_writer {
public:
    using sink = std::function<void(std::string_view bytes)>;
    virtual ~register_writer() = default;
    virtual void begin_village(const common::area& village) = 0;
    virtual void add(const common::household& h, const std::vector<std::string>& helpers) = 0;
    virtual void end_village() = 0;
    // A book's summary of its villages (nothing for a village's register), and the end of the file.
    virtual void finish() = 0;
};

}  // namespace fupin::server::documents
