#pragma once
// Imports of an existing archive (docs/imports.md): the import's row, and the files and people it has staged
// until its commit writes them into the archive or its abandonment drops them.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/archive_import.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

// A staged file: its place in the import, its first row in the spreadsheet, and the file as JSON
// (common/archive_import_json.hpp).
struct staged_file {
    std::int64_t seq = 0;
    int first_row = 0;
    std::string body;
};

// A staged person: the row of the spreadsheet that names him.
struct staged_person {
    std::string id_number;
    int row = 0;
};

// A helper a staged file names (its first row).
struct staged_pairing {
    std::int64_t helper_id = 0;
    int row = 0;
};

class archive_import_repository {
public:
    explicit archive_import_repository(sql::connection& conn) : conn_(conn) {}

    // Sets i.id.
    void insert(common::archive_import& i);
    std::optional<common::archive_import> find(std::int64_t id);
    // The same, its row locked to the end of the transaction: batches, the commit and an abandonment of one
    // import run one at a time.
    std::optional<common::archive_import> find_for_update(std::int64_t id);

    // Which of these people the import has staged already, and on which row (by ID number as stored).
    std::map<std::string, int> staged_people(std::int64_t import_id, const std::vector<std::string>& id_numbers);
    // How many staged files name each of these helpers.
    std::map<std::int64_t, int> staged_pairings(std::int64_t import_id, const std::vector<std::int64_t>& helper_ids);
    // Appends files after the import's last seq, their people and their helpers, several rows per statement.
    void stage(std::int64_t import_id, std::int64_t first_seq, const std::vector<staged_file>& files,
               const std::vector<staged_person>& people, const std::vector<staged_pairing>& pairings);
    void add_counts(std::int64_t import_id, std::int64_t households, std::int64_t people, std::int64_t problems);

    // Staged files after `after_seq`, in order, at most `limit`.
    std::vector<staged_file> staged(std::int64_t import_id, std::int64_t after_seq, std::size_t limit);

    // Ends the import (committed or abandoned) and drops what it staged.
    void close(std::int64_t import_id, const std::string& state, std::int64_t now_ms);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
