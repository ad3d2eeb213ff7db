#pragma once
// Writes generated households straight into the households and members tables, many rows per INSERT and
// thousands of households per transaction: the fast path for making a big archive, not the server's path.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "test_data/household_generator.hpp"
#include "server/sql/connection.hpp"

namespace fupin::bench {

struct load_result {
    std::int64_t from = 0;        // households already there (generator indices below this are taken)
    std::int64_t to = 0;          // households there now
    std::int64_t member_rows = 0; // member rows written by this call
    double seconds = 0;
};

class bulk_loader {
public:
    // batch: households per transaction.
    bulk_loader(server::sql::connection& conn, const test_data::household_generator& generator, int batch = 5000);

    // Where the generator continues: MAX(id) of households (ids are index + 1; a gap left by a rolled-back
    // create is skipped, never reused, so no ID number is written twice).
    std::int64_t next_index();

    // Adds households next_index() .. target-1. Does nothing when the archive already holds target.
    // progress (optional) is called after each transaction with the households written so far.
    load_result grow_to(std::int64_t target, const std::function<void(std::int64_t)>& progress = {});

private:
    void write_batch(std::int64_t from, std::int64_t to, std::int64_t& member_rows);
    void flush_households(std::size_t rows);
    void flush_members(std::size_t rows);

    server::sql::connection& conn_;
    const test_data::household_generator& generator_;
    int batch_;
    std::vector<server::sql::value> household_params_;
    std::vector<server::sql::value> member_params_;
};

}  // namespace fupin::bench
