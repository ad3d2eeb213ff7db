#pragma once
// Imports of a county's existing archive from a spreadsheet (docs/imports.md). The county office opens an
// import for one file, sends the file's households in batches (each file checked as a create is, and against
// the archive county-wide and the import's own earlier batches; the good ones staged, every problem named by
// row and column), and then commits it, which writes every staged file in one transaction, or abandons it. A
// dry run is an import sent whole and abandoned. Files keep the status and the years their rows give: a
// registered or exited file gets its identification case (and exit case) in its final state, with one step
// that says it was imported, so its history starts with the import; the helpers a file names (found among the
// county's by name and phone) are paired with it.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/archive_import.hpp"
#include "common/archive_table_reader.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

struct archive_import_batch_result {
    common::archive_import import;  // its counts after the batch
    std::size_t staged = 0;
    std::vector<common::archive_import_problem> problems;
};

class archive_import_service {
public:
    using clock = std::function<std::int64_t()>;
    // helper_household_limit: the most households one helper answers for (as pairing_service keeps it).
    archive_import_service(clock now, int helper_household_limit);

    // import_archive over the caller's area. The file name is for the record (at most 200 characters).
    common::archive_import open(sql::connection& db, const principal& who, const std::string& file_name) const;
    common::archive_import get(sql::connection& db, const principal& who, std::int64_t id) const;
    // At most common::archive_import_batch_files. 409 import_closed when committed or abandoned.
    archive_import_batch_result add(sql::connection& db, const principal& who, std::int64_t id,
                                    std::vector<common::archive_import_file> files) const;
    // 409 import_has_problems while any row was refused; 409 person_already_registered when someone was
    // registered meanwhile (nothing written). Audit: one archive.import entry, and one household.import per file.
    common::archive_import commit(sql::connection& db, const principal& who, std::int64_t id) const;
    common::archive_import abandon(sql::connection& db, const principal& who, std::int64_t id) const;

private:
    clock now_;
    int helper_limit_;
};

}  // namespace fupin::server::service
