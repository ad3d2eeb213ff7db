#pragma once
// What township-client prints about the half-yearly review rounds (半年审核调整): the rounds, the progress per
// village or township, the entries (the 疑点 list among them) and one entry's outcome.
#include <string>
#include <vector>

#include "common/language.hpp"
#include "common/review_round.hpp"

namespace fupin::client {

class review_round_printer {
public:
    explicit review_round_printer(common::language lang) : lang_(lang) {}

    std::string round(const common::review_round& r) const;  // "已开启 2027 年上半年审核 …"
    std::string table(const std::vector<common::review_round>& rounds) const;
    std::string progress(const std::vector<common::review_progress>& rows) const;  // the last row is the total
    std::string entries(const std::vector<common::review_entry>& items) const;
    std::string entry(const common::review_entry& e) const;  // the outcome and its reasons

private:
    std::string period(int year, int half) const;
    common::language lang_;
};

}  // namespace fupin::client
