#pragma once
// Village democratic appraisals (民主评议): the meeting, its panel, and each case's ranking and votes.
#include "common/procedure.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class appraisal_repository {
public:
    explicit appraisal_repository(sql::connection& conn) : conn_(conn) {}

    void insert(common::appraisal& a);  // sets a.id; stores the results too

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
