#pragma once
// Attachments of a household file (资料): the signed application, the village's appraisal minutes, photos of the
// house, … uploaded to a file or to one of its cases, kept with their SHA-256. Plain data, the type a file is by
// its content, and the completeness check (资料齐全): what a file still lacks. Shared by client and server.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/household.hpp"

namespace fupin::common {

// A photo from a phone fits; a scanned application of a few pages too.
inline constexpr std::size_t attachment_max_bytes = 10 * 1024 * 1024;
inline constexpr std::size_t attachment_file_name_chars = 100;

struct attachment {
    std::int64_t id = 0;
    std::int64_t household_id = 0;
    std::int64_t application_id = 0;  // the case it belongs to, 0 for the file as a whole
    std::string kind;                 // vocabulary::attachment_kinds
    std::string file_name;            // as uploaded, for the record
    std::string content_type;         // application/pdf | image/jpeg | image/png: by the bytes, never the name
    std::int64_t size = 0;
    std::string sha256;               // lower-case hex
    std::string uploaded_by;
    std::int64_t uploaded_at_ms = 0;
};

// What the bytes are, by their signature: "application/pdf" (%PDF-), "image/jpeg" (FF D8 FF), "image/png" (the
// eight PNG bytes); nullopt for anything else. A name's extension says nothing.
std::optional<std::string> attachment_content_type(std::string_view bytes);

// One thing a file lacks to be complete (资料齐全): a code, and what it is in both languages.
struct completeness_gap {
    std::string code;
    std::string zh;
    std::string en;
};

// What the file lacks, in order (empty when complete): the items of the archive a file of its status must hold
// beyond what validation requires of every file, and the attachments: the signed application once it has a case
// of identification, the appraisal minutes and a photo of the house once it is registered (or exited).
std::vector<completeness_gap> completeness_gaps(const household& h, const std::vector<attachment>& attachments,
                                                bool has_identification_case);

}  // namespace fupin::common
