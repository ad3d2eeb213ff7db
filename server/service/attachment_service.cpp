#include "server/service/attachment_service.hpp"

#include "common/api_error.hpp"
#include "common/utf8.hpp"
#include "common/vocabulary.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/digest.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/household_access.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/application_repository.hpp"
#include "server/storage/attachment_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;

std::string record_of(std::int64_t id) { return "attachment/" + std::to_string(id); }

}  // namespace

attachment_service::attachment_service(clock now) : now_(std::move(now)) {}

common::attachment attachment_service::upload(sql::connection& db, const principal& who,
                                              const attachment_upload& upload) const {
    access_policy::require_role(who, permission::write_households);
    common::require_code(common::vocabulary::attachment_kinds, upload.kind, "kind", true);
    const auto chars = common::utf8_length(upload.file_name);
    if (!chars || *chars == 0 || *chars > common::attachment_file_name_chars ||
        upload.file_name.find_first_of("/\\") != std::string::npos)
        throw api_error::invalid_field("file_name", "invalid_value", "文件名应为至多100个字符的名字，不含路径",
                                       "must be a name of at most 100 characters, without a path");
    if (upload.content.size() > common::attachment_max_bytes)
        throw api_error(413, "attachment_too_large", "附件不能超过10MB", "an attachment may be at most 10 MB");
    const auto type = common::attachment_content_type(upload.content);
    if (!type)
        throw api_error(415, "unsupported_media_type", "附件只能是 PDF、JPEG 或 PNG 文件",
                        "an attachment must be a PDF, JPEG or PNG file");
    common::attachment a;
    a.household_id = upload.household_id;
    a.application_id = upload.application_id;
    a.kind = upload.kind;
    a.file_name = upload.file_name;
    a.content_type = *type;
    a.size = static_cast<std::int64_t>(upload.content.size());
    a.sha256 = sha256_hex(upload.content);
    a.uploaded_by = who.username;
    a.uploaded_at_ms = now_();
    run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto h = household_in_area(db, who, upload.household_id, permission::write_households, true);
        if (upload.application_id) {
            const auto c = storage::application_repository(db).find(upload.application_id);
            if (!c || c->household_id != h.id)
                throw api_error::invalid_field("case", "invalid_value", "该户没有这个案件", "is not a case of this household");
        }
        storage::attachment_repository(db).insert(a, upload.content);
        event_outbox::append(db, "household.attachment_added", record_of(a.id), event_scope::of_area(h.village_code),
                             {{"household_id", h.id}, {"attachment_id", a.id}, {"kind", a.kind}}, nullptr,
                             a.uploaded_at_ms);
        audit_trail::record(db, audit_actor::of(who), "attachment.upload", record_of(a.id), "ok",
                            {{"household_id", h.id},
                             {"application_id", a.application_id},
                             {"kind", a.kind},
                             {"file_name", a.file_name},
                             {"content_type", a.content_type},
                             {"size", a.size},
                             {"sha256", a.sha256}},
                            a.uploaded_at_ms);
    });
    return a;
}

std::vector<common::attachment> attachment_service::of_household(sql::connection& db, const principal& who,
                                                                 std::int64_t household_id) const {
    access_policy::require_role(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        household_in_area(db, who, household_id, permission::read_households, false);
        return storage::attachment_repository(db).of_household(household_id);
    });
}

std::pair<common::attachment, std::string> attachment_service::fetch(sql::connection& db, const principal& who,
                                                                      std::int64_t attachment_id) const {
    access_policy::require_role(who, permission::read_households);
    auto found = run_in_transaction(db, sql::tx_mode::read, [&] {
        storage::attachment_repository attachments(db);
        const auto a = attachments.find(attachment_id);
        if (!a) throw api_error::not_found("该附件", "that attachment");
        household_in_area(db, who, a->household_id, permission::read_households, false);
        return std::pair<common::attachment, std::string>{*a, attachments.content(attachment_id)};
    });
    // A fetched file leaves the system: on record, as a printed document is.
    run_in_transaction(db, sql::tx_mode::write, [&] {
        audit_trail::record(db, audit_actor::of(who), "attachment.download", record_of(attachment_id), "ok",
                            {{"household_id", found.first.household_id}, {"sha256", found.first.sha256}}, now_());
    });
    return found;
}

std::vector<common::completeness_gap> attachment_service::completeness(sql::connection& db, const principal& who,
                                                                       std::int64_t household_id) const {
    access_policy::require_role(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        const auto h = household_in_area(db, who, household_id, permission::read_households, false);
        const auto attachments = storage::attachment_repository(db).of_household(household_id);
        const bool has_case = storage::application_repository(db).has_case(household_id, "identification");
        return common::completeness_gaps(h, attachments, has_case);
    });
}

}  // namespace fupin::server::service
