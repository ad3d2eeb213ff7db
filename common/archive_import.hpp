#pragma once
// An import of an existing archive (docs/imports.md): opened by the county office for one spreadsheet, fed the
// spreadsheet's household files batch by batch (each checked as it arrives, problems named by row and column),
// then committed in one transaction, or abandoned. Plain data, shared by client and server.
#include <cstddef>
#include <cstdint>
#include <string>

namespace fupin::common {

// Files per batch: a batch's request stays far below the body limit (a file of 20 members is about 12 KB).
inline constexpr std::size_t archive_import_batch_files = 200;
// Files per import: the largest county's archive and then some.
inline constexpr std::size_t archive_import_max_files = 1'000'000;
inline constexpr std::size_t archive_import_file_name_chars = 200;

struct archive_import {
    std::int64_t id = 0;
    std::string area_code;  // the importing office's: every file lies within it
    std::string file_name;
    std::string state;  // open | committed | abandoned
    std::int64_t households = 0;  // staged (open) or written (committed)
    std::int64_t people = 0;
    std::int64_t problems = 0;  // rows refused: an import with any is not committed
    std::string created_by;
    std::int64_t created_at_ms = 0;
    std::int64_t closed_at_ms = 0;
};

}  // namespace fupin::common
