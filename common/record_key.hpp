#pragma once
// How the archive names the records its caches keep, where a record's name is stored (the audit trail's
// record, the outbox's) and where a cache must hear of a change (a connection's change observer, the change
// feed, service/change_broadcast.hpp): a household file, the administrative tree, a user account. Made here and
// read back here (parse), so no code builds "household/12" or takes it apart by hand. Other records (a case, a
// posting) are named by their own services and reach the caches as `other`: no cache keeps them.
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace fupin::common {

class record_key {
public:
    enum class kind {
        household,   // one household file, by id
        areas,       // the administrative tree: every file shows its areas' names
        account,     // one user account, by id, with its sessions (a cached session carries its account)
        other,       // a record of another kind ("application/7", "user/clerk_a")
        unreadable,  // a household name that does not parse: whoever reads it must assume the worst
    };

    static record_key household(std::int64_t id) {
        return record_key(kind::household, id, std::string(household_prefix) + std::to_string(id));
    }
    static record_key areas() { return record_key(kind::areas, 0, std::string(areas_name)); }
    static record_key account(std::int64_t user_id) {
        return record_key(kind::account, user_id, std::string(account_prefix) + std::to_string(user_id));
    }
    // A stored name read back.
    static record_key parse(std::string_view text) {
        if (text == areas_name) return areas();
        if (text.starts_with(account_prefix)) {
            const auto id = id_after(text, account_prefix);
            return id ? account(id) : record_key(kind::other, 0, std::string(text));
        }
        if (!text.starts_with(household_prefix)) return record_key(kind::other, 0, std::string(text));
        if (const auto id = id_after(text, household_prefix)) return household(id);
        return record_key(kind::unreadable, 0, std::string(text));
    }

    kind what() const { return kind_; }
    std::int64_t id() const { return id_; }   // of a household or an account; 0 otherwise
    const std::string& text() const { return text_; }  // as stored: "household/12", "areas", "account/3"

    bool operator==(const record_key& other) const { return text_ == other.text_; }

private:
    static constexpr std::string_view household_prefix = "household/";
    static constexpr std::string_view areas_name = "areas";
    static constexpr std::string_view account_prefix = "account/";

    // The positive number that is all of text after prefix; 0 when there is none.
    static std::int64_t id_after(std::string_view text, std::string_view prefix) {
        std::int64_t id = 0;
        const char* last = text.data() + text.size();
        const auto [end, ec] = std::from_chars(text.data() + prefix.size(), last, id);
        return ec == std::errc() && end == last && id > 0 ? id : 0;
    }

    record_key(kind k, std::int64_t id, std::string text) : kind_(k), id_(id), text_(std::move(text)) {}

    kind kind_;
    std::int64_t id_;
    std::string text_;
};

}  // namespace fupin::common
