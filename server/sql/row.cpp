#include "server/sql/row.hpp"

#include <fmt/format.h>

#include "server/sql/error.hpp"

namespace fupin::server::sql {
namespace {

const char* kind_name(const value& v) {
    switch (v.index()) {
        case 0: return "null";
        case 1: return "int64";
        case 2: return "double";
        default: return "string";
    }
}

[[noreturn]] void wrong_kind(std::size_t i, const char* wanted, const value& v) {
    throw error(fmt::format("column {}: wanted {}, got {}", i, wanted, kind_name(v)));
}

}  // namespace

const value& row::at(std::size_t i) const {
    if (i >= values_.size()) throw error(fmt::format("column {} out of range (row has {})", i, values_.size()));
    return values_[i];
}

bool row::is_null(std::size_t i) const { return std::holds_alternative<std::monostate>(at(i)); }

std::int64_t row::get_int64(std::size_t i) const {
    const value& v = at(i);
    if (const auto* p = std::get_if<std::int64_t>(&v)) return *p;
    wrong_kind(i, "int64", v);
}

double row::get_double(std::size_t i) const {
    const value& v = at(i);
    if (const auto* p = std::get_if<double>(&v)) return *p;
    if (const auto* p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
    wrong_kind(i, "double", v);
}

const std::string& row::get_string(std::size_t i) const {
    const value& v = at(i);
    if (const auto* p = std::get_if<std::string>(&v)) return *p;
    wrong_kind(i, "string", v);
}

}  // namespace fupin::server::sql
