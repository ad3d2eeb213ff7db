#pragma once
// The API of an archive import (docs/protocol.md "Archive imports"), on an api_client: open, send batches,
// commit, abandon.
#include <cstdint>
#include <string>
#include <vector>

#include "client/api_client.hpp"
#include "common/archive_import.hpp"
#include "common/archive_table_reader.hpp"

namespace fupin::client {

struct archive_import_batch_answer {
    common::archive_import import;
    std::size_t staged = 0;
    std::vector<common::archive_import_problem> problems;
};

class archive_import_client {
public:
    explicit archive_import_client(api_client& client) : client_(client) {}

    common::archive_import open(const std::string& file_name);  // POST /api/v1/imports
    // POST /api/v1/imports/{id}/files: at most common::archive_import_batch_files, the JSON under the server's
    // body limit (batches() makes them so).
    archive_import_batch_answer add(std::int64_t id, const std::vector<const common::archive_import_file*>& files);
    common::archive_import commit(std::int64_t id);   // POST /api/v1/imports/{id}/commit
    common::archive_import abandon(std::int64_t id);  // DELETE /api/v1/imports/{id}

    // The files cut into batches the server takes: at most archive_import_batch_files each, and at most
    // about 512 KiB of JSON.
    static std::vector<std::vector<const common::archive_import_file*>> batches(
        const std::vector<common::archive_import_file>& files);

private:
    api_client& client_;
};

}  // namespace fupin::client
