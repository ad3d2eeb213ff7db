#pragma once
// One result row. Getters are strict so a schema/type mismatch shows up at once instead of as a silent 0.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "server/sql/value.hpp"

namespace fupin::server::sql {

class row {
public:
    row() = default;
    explicit row(std::vector<value> values) : values_(std::move(values)) {}

    std::size_t size() const noexcept { return values_.size(); }
    const value& at(std::size_t i) const;  // throws sql::error when out of range

    bool is_null(std::size_t i) const;
    // Each throws sql::error when the column is NULL or of another kind. get_double also accepts an int64
    // (SQLite may hand back a whole REAL as an integer after some expressions); get_int64 never takes a double.
    std::int64_t get_int64(std::size_t i) const;
    double get_double(std::size_t i) const;
    const std::string& get_string(std::size_t i) const;

private:
    std::vector<value> values_;
};

}  // namespace fupin::server::sql
