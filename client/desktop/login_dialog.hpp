#pragma once
// 登录: the username and the password of an official, sent once to county-server; the password is never kept
// (the field is cleared after each try). On success the worker holds the session's token and the dialog tells
// who logged in and until when. Shown at start and again whenever the session has ended, over whatever window is
// open, so nothing being typed is lost.
#include <QDialog>
#include <nlohmann/json.hpp>

class QLabel;
class QLineEdit;
class QPushButton;

namespace fupin::desktop {

class api_worker;

class login_dialog : public QDialog {
    Q_OBJECT

public:
    enum user_choice { any_user, same_user };
    // `reason` says why it is asked (empty at start; "登录已过期" later); `username` is filled in when known, and
    // with same_user cannot be changed (a new login over an open window is the same official's).
    login_dialog(api_worker& api, const QString& reason, const QString& username, QWidget* parent = nullptr,
                 user_choice choice = any_user);

    // The session (after exec() returned Accepted): GET /api/v1/sessions/current's answer {"user": {…},
    // "expires_at", …} and the token, which the change feed subscribes with; kept in memory only.
    const nlohmann::json& session() const { return session_; }

private:
    void log_in();

    api_worker& api_;
    QLineEdit* username_ = nullptr;
    QLineEdit* password_ = nullptr;
    QLabel* message_ = nullptr;
    QPushButton* ok_ = nullptr;
    nlohmann::json session_;
};

}  // namespace fupin::desktop
