#pragma once
// What township-client prints about spot checks (不定期抽查): a sample with its strata and files, the list of
// samples, one file's recorded check, and the accuracy per township with the figures behind it.
#include <string>
#include <vector>

#include "common/language.hpp"
#include "common/spot_check.hpp"

namespace fupin::client {

class spot_check_printer {
public:
    explicit spot_check_printer(common::language lang) : lang_(lang) {}

    std::string check(const common::spot_check& c) const;  // the plan, the strata and every drawn file
    std::string table(const std::vector<common::spot_check>& items) const;
    std::string item(const common::spot_check_item& i) const;  // one file with its check
    std::string accuracy(const std::vector<common::spot_check_accuracy>& rows) const;

private:
    common::language lang_;
};

}  // namespace fupin::client
