#include "client/account_printer.hpp"

#include <fmt/format.h>

#include "client/text_layout.hpp"
#include "common/household_json.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;

std::string json_text(const nlohmann::json& object, const char* key) {
    if (!object.is_object() || !object.contains(key) || !object.at(key).is_string()) return {};
    return object.at(key).get<std::string>();
}

std::string account_printer::role_label(const std::string& code) const {
    const std::string& text = common::label(common::vocabulary::roles, code, lang_);
    return text.empty() ? or_dash(code) : text;
}

std::string account_printer::beijing_time(const std::string& iso_utc) const {
    if (iso_utc.empty()) return "-";
    try {
        return format_beijing_time(common::parse_utc_ms(iso_utc, "time")) + in(lang_, "（北京时间）", " (Beijing time)");
    } catch (const std::exception&) {
        return iso_utc;  // a format this client does not know: still worth showing
    }
}

// "石门镇岩脚村信息员（村级信息员，岩脚村）"
std::string account_printer::who(const nlohmann::json& user) const {
    const std::string name = json_text(user, "display_name").empty() ? json_text(user, "username")
                                                                      : json_text(user, "display_name");
    std::string area = json_text(user, "area_name");
    if (area.empty()) area = json_text(user, "area_code");
    return rformat(in(lang_, "{}（{}，{}）", "{} ({}, {})"), or_dash(name), role_label(json_text(user, "role")), or_dash(area));
}

std::string account_printer::logged_in(const nlohmann::json& answer) const {
    const auto& user = answer.contains("user") ? answer.at("user") : nlohmann::json::object();
    std::string out = rformat(in(lang_, "已登录：{}\n", "Logged in: {}\n"), who(user));
    out += rformat(in(lang_, "登录有效期至 {}", "The session lasts until {}"), beijing_time(json_text(answer, "expires_at")));
    if (answer.contains("idle_timeout_seconds") && answer.at("idle_timeout_seconds").is_number_integer()) {
        const auto minutes = (answer.at("idle_timeout_seconds").get<long long>() + 59) / 60;
        out += rformat(in(lang_, "；{} 分钟无操作将自动退出", "; it ends after {} minutes without a request"), minutes);
    }
    return out + in(lang_, "。\n", ".\n");
}

std::string account_printer::session(const nlohmann::json& answer) const {
    const auto& user = answer.contains("user") ? answer.at("user") : nlohmann::json::object();
    std::string area = json_text(user, "area_name");
    if (!json_text(user, "area_code").empty())
        area = area.empty() ? json_text(user, "area_code") : area + " (" + json_text(user, "area_code") + ")";
    const std::pair<std::string, std::string> lines[] = {
        {in(lang_, "用户名", "Username"), or_dash(json_text(user, "username"))},
        {in(lang_, "姓名", "Name"), or_dash(json_text(user, "display_name"))},
        {in(lang_, "角色", "Role"), role_label(json_text(user, "role"))},
        {in(lang_, "区域", "Area"), or_dash(area)},
        {in(lang_, "登录有效期至", "Session ends"), beijing_time(json_text(answer, "expires_at"))},
        {in(lang_, "空闲超时于", "Idle timeout at"), beijing_time(json_text(answer, "idle_expires_at"))},
    };
    std::size_t width = 0;
    for (const auto& [label, value] : lines) width = std::max(width, display_width(label));
    std::string out;
    for (const auto& [label, value] : lines) out += pad(label, width) + "  " + value + "\n";
    return out;
}

std::string account_printer::logged_out(bool had_session) const {
    return had_session ? in(lang_, "已退出登录。\n", "Logged out.\n") : in(lang_, "当前没有登录。\n", "Not logged in.\n");
}

std::string account_printer::not_logged_in() const {
    return in(lang_, "登录已过期或尚未登录，请先运行 township-client login 重新登录。\n",
             "Not logged in, or the session has expired: run township-client login to log in again.\n");
}

std::string account_printer::insecure_cache_deleted(const std::string& why) const {
    return rformat(in(lang_, "登录缓存文件不安全，已删除：{}\n其他用户可能读到了其中的登录凭据。",
                     "The login cache file was not safe and has been deleted: {}\nOther users may have read the "
                     "session in it. "),
                   why) +
           not_logged_in();
}

std::string account_printer::login_refused(const client_error& e) const {
    if (e.kind() != error_kind::http) return {};
    std::string out;
    if (e.code() == "login_locked" || e.status() == 429) {
        const int minutes = e.retry_after_seconds() > 0 ? (e.retry_after_seconds() + 59) / 60 : 0;
        out = minutes > 0 ? rformat(in(lang_, "登录失败次数过多，已暂时锁定，请 {} 分钟后再试。\n",
                                      "Too many failed logins: locked for now, try again in {} minute(s).\n"),
                                    minutes)
                          : in(lang_, "登录失败次数过多，已暂时锁定，请稍后再试。\n",
                              "Too many failed logins: locked for now, try again later.\n");
    } else if (e.code() == "invalid_credentials") {
        // The server gives one answer to every refused login (docs/security.md): the clerk is told every cause.
        out = in(lang_, "登录失败：用户名或密码错误，或该账号已停用，或该账号不属于本机证书所在的单位。\n"
                "请核对用户名和密码，并在本单位的电脑上登录；仍不能登录请联系县级系统管理员。\n",
                "Login failed: wrong username or password, or the account is disabled or does not belong to this "
                "computer's office.\nCheck the name and password and log in from your own office; if it still "
                "fails, ask the county administrator.\n");
    } else {
        return {};
    }
    return out + rformat(in(lang_, "（代码 {}，HTTP {}）\n", "(code {}, HTTP {})\n"),
                         or_dash(e.code()), e.status());
}

std::string account_printer::user_table(const nlohmann::json& items) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& u : items) {
        std::string area = json_text(u, "area_name");
        area = area.empty() ? or_dash(json_text(u, "area_code")) : area + " (" + json_text(u, "area_code") + ")";
        const bool disabled = u.is_object() && u.contains("disabled") && u.at("disabled") == true;
        rows.push_back({or_dash(json_text(u, "username")), or_dash(json_text(u, "display_name")),
                        role_label(json_text(u, "role")), area, disabled ? in(lang_, "已停用", "disabled") : in(lang_, "启用", "active")});
    }
    std::string out = format_table(lang_ == common::language::en
                                       ? std::vector<std::string>{"Username", "Name", "Role", "Area", "State"}
                                       : std::vector<std::string>{"用户名", "姓名", "角色", "区域", "状态"},
                                   rows);
    return out + rformat(in(lang_, "共 {} 个用户\n", "{} user(s)\n"), rows.size());
}

std::string account_printer::user(const nlohmann::json& u) const {
    const bool disabled = u.is_object() && u.contains("disabled") && u.at("disabled") == true;
    return who(u) + " [" + or_dash(json_text(u, "username")) + "] " +
           (disabled ? in(lang_, "已停用", "disabled") : in(lang_, "启用", "active")) + "\n";
}

}  // namespace fupin::client
