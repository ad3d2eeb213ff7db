#pragma once
// An area's archive as one table in the national form's columns (common/archive_columns.hpp), one row per
// member, written as the households come: archive_csv and archive_xlsx. The service feeds it a batch of files at
// a time, so an export of any size costs the memory of a batch.
#include <cstdint>
#include <functional>
#include <string_view>

#include "common/archive_columns.hpp"

namespace fupin::server::documents {

class archive_table {
public:
    using sink = std::function<void(std::string_view bytes)>;
    virtual ~archive_table() = default;
    virtual void add(const common::archive_household& h) = 0;
    // The end of the file.
    virtual void finish() = 0;
    // Member rows written so far.
    virtual std::int64_t rows() const = 0;
};

}  // namespace fupin::server::documents
