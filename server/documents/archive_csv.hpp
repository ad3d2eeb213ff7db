#pragma once
// The archive's table as CSV: UTF-8 with the byte-order mark Excel needs, the header, CRLF lines. Each
// household's rows go to the sink as they are made. Written for Excel: a long number (ID number, bank account)
// after a tab, a text beginning like a formula after an apostrophe (archive_csv.cpp).
#include "common/language.hpp"
#include "server/documents/archive_table.hpp"

namespace fupin::server::documents {

class archive_csv final : public archive_table {
public:
    archive_csv(sink out, common::language lang);
    void add(const common::archive_household& h) override;
    void finish() override;
    std::int64_t rows() const override { return rows_; }

private:
    sink out_;
    std::int64_t rows_ = 0;
};

}  // namespace fupin::server::documents
