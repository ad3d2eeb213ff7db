#pragma once
// What the scripted server answers for the session and user endpoints (docs/protocol.md "Authentication and
// sessions", "Users"): one account, one live token at a time, and switches a test flips to make the session
// expire or the login lock. Every request but login must carry `Authorization: Bearer <the token>`, so a client
// that forgets the header (or sends a stale one) gets the 401 the real server would give.
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "scripted_server.hpp"

namespace fupin::client::test {

class session_script {
public:
    static constexpr const char* username = "shimen_clerk";
    static constexpr const char* password = "correct horse 42";
    // Recognisable, so a test can search every output for it (and for pieces of it).
    static constexpr const char* token = "7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a";

    std::optional<response<string_body>> operator()(const request<string_body>& req) {
        std::lock_guard lock(mutex_);
        const std::string target(req.target());
        if (req.method() == transport::http::verb::post && target == "/api/v1/sessions") return login(req);

        const std::string authorization(req[transport::http::field::authorization]);
        if (authorization.empty()) return error(401, "authentication_required", "请先登录");
        if (!alive_ || authorization != std::string("Bearer ") + token)
            return error(401, "session_expired", "登录已过期，请重新登录");
        if (target == "/api/v1/sessions/current" && req.method() == transport::http::verb::get)
            return json_response(200, nlohmann::json{{"user", user()},
                                                     {"expires_at", "2026-11-29T22:00:00.000Z"},
                                                     {"idle_expires_at", "2026-11-29T10:30:00.000Z"}}
                                          .dump());
        if (target == "/api/v1/sessions/current" && req.method() == transport::http::verb::delete_) {
            alive_ = false;
            return json_response(204, "");
        }
        if (target == "/api/v1/users" && req.method() == transport::http::verb::get)
            return json_response(200, nlohmann::json{{"items", nlohmann::json::array({user()})}}.dump());
        if (target == "/api/v1/users" && req.method() == transport::http::verb::post) {
            auto body = nlohmann::json::parse(req.body());
            body.erase("password");
            body["area_name"] = "石门镇";
            body["disabled"] = false;
            return json_response(201, body.dump());
        }
        return error(404, "not_found", "没有这户档案");
    }

    // The session ends on the server (idle timeout, or an administrator reset the password).
    void expire() {
        std::lock_guard lock(mutex_);
        alive_ = false;
    }
    void lock_logins() {
        std::lock_guard lock(mutex_);
        locked_ = true;
    }
    bool alive() const {
        std::lock_guard lock(mutex_);
        return alive_;
    }
    int logins() const {
        std::lock_guard lock(mutex_);
        return logins_;
    }

private:
    static nlohmann::json user() {
        return {{"username", username},  {"display_name", "石门镇岩脚村信息员"}, {"role", "village_clerk"},
                {"area_code", "529901101201"}, {"area_name", "岩脚村"}};
    }
    static response<string_body> error(int status, const char* code, const char* message) {
        return json_response(status, nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump());
    }

    response<string_body> login(const request<string_body>& req) {
        if (locked_) {
            auto res = error(429, "login_locked", "登录失败次数过多");
            res.set(transport::http::field::retry_after, "600");
            return res;
        }
        const auto body = nlohmann::json::parse(req.body(), nullptr, false);
        if (!body.is_object()) return error(400, "invalid_json", "请求内容不是有效的 JSON 对象");
        if (body.value("username", "") != username || body.value("password", "") != password)
            return error(401, "invalid_credentials", "用户名或密码错误");
        alive_ = true;
        ++logins_;
        return json_response(201, nlohmann::json{{"token", token},
                                                 {"expires_at", "2026-11-29T22:00:00.000Z"},
                                                 {"idle_timeout_seconds", 1800},
                                                 {"user", user()}}
                                      .dump());
    }

    mutable std::mutex mutex_;
    bool alive_ = false;
    bool locked_ = false;
    int logins_ = 0;
};

}  // namespace fupin::client::test
