#pragma once
// Attachments of household files (资料, docs/protocol.md "Attachments"): uploaded to a file or one of its cases by
// whoever may edit the file, their type read from their bytes (PDF, JPEG, PNG only), kept with their SHA-256,
// listed and fetched by whoever may read the file; every upload and fetch is audited, since a fetched file leaves
// the system. And a file's completeness (资料齐全): what it still lacks.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/attachment.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

struct attachment_upload {
    std::int64_t household_id = 0;
    std::int64_t application_id = 0;  // 0: the file as a whole
    std::string kind;                 // vocabulary::attachment_kinds
    std::string file_name;
    std::string content;
};

class attachment_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit attachment_service(clock now);

    // write_households over the file. 415 unsupported_media_type for bytes that are not PDF, JPEG or PNG; 413
    // attachment_too_large past common::attachment_max_bytes; 422 at kind, file_name, case.
    common::attachment upload(sql::connection& db, const principal& who, const attachment_upload& upload) const;
    std::vector<common::attachment> of_household(sql::connection& db, const principal& who,
                                                 std::int64_t household_id) const;
    // The attachment and its bytes, for whoever may read its file; audited (attachment.download).
    std::pair<common::attachment, std::string> fetch(sql::connection& db, const principal& who,
                                                     std::int64_t attachment_id) const;
    std::vector<common::completeness_gap> completeness(sql::connection& db, const principal& who,
                                                       std::int64_t household_id) const;

private:
    clock now_;
};

}  // namespace fupin::server::service
