#include "common/attachment.hpp"

#include <algorithm>

#include "common/vocabulary.hpp"

namespace fupin::common {

std::optional<std::string> attachment_content_type(std::string_view bytes) {
    if (bytes.starts_with("%PDF-")) return "application/pdf";
    if (bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
    if (bytes.starts_with(std::string_view("\x89PNG\r\n\x1A\n", 8))) return "image/png";
    return std::nullopt;
}

std::vector<completeness_gap> completeness_gaps(const household& h, const std::vector<attachment>& attachments,
                                                bool has_identification_case) {
    std::vector<completeness_gap> gaps;
    const bool registered = h.status == "registered" || h.status == "exited";
    auto field = [&](bool present, const char* code, const char* zh, const char* en) {
        if (!present) gaps.push_back({code, zh, en});
    };
    auto attached = [&](const char* kind) {
        if (std::none_of(attachments.begin(), attachments.end(), [&](const attachment& a) { return a.kind == kind; }))
            gaps.push_back({std::string("attachment.") + kind, "缺" + label(vocabulary::attachment_kinds, kind, language::zh),
                            "no " + label(vocabulary::attachment_kinds, kind, language::en)});
    };
    field(!h.phone.empty(), "phone", "缺联系电话", "no phone number");
    if (registered) {
        // Transfers and subsidies are paid to the bank account; the national system numbers every registered file.
        field(!h.bank_account.empty(), "bank_account", "缺银行账号", "no bank account");
        field(!h.national_number.empty(), "national_number", "缺全国系统户编号", "no national household number");
    }
    if (has_identification_case || registered) attached("application");
    if (registered) {
        attached("appraisal_minutes");
        attached("house_photo");
    }
    return gaps;
}

}  // namespace fupin::common
