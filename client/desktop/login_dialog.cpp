#include "client/desktop/login_dialog.hpp"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/desktop/api_worker.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/qt_text.hpp"

namespace fupin::desktop {

login_dialog::login_dialog(api_worker& api, const QString& reason, const QString& username, QWidget* parent,
                           user_choice choice)
    : QDialog(parent), api_(api) {
    setWindowTitle(tr("登录 — 扶贫对象建档立卡"));
    auto* layout = new QVBoxLayout(this);
    if (!reason.isEmpty()) {
        auto* why = new QLabel(reason, this);
        why->setWordWrap(true);
        layout->addWidget(why);
    }
    auto* form = new QFormLayout;
    username_ = new QLineEdit(username, this);
    username_->setObjectName("username");
    username_->setReadOnly(choice == same_user && !username.isEmpty());
    password_ = new QLineEdit(this);
    password_->setObjectName("password");
    password_->setEchoMode(QLineEdit::Password);
    form->addRow(tr("用户名"), username_);
    form->addRow(tr("密码"), password_);
    layout->addLayout(form);
    message_ = new QLabel(this);
    message_->setObjectName("message");
    message_->setWordWrap(true);
    message_->setStyleSheet("color: #b71c1c;");
    layout->addWidget(message_);
    auto* buttons = new QDialogButtonBox(this);
    ok_ = buttons->addButton(tr("登录"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("取消"), QDialogButtonBox::RejectRole);
    ok_->setObjectName("log_in");
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &login_dialog::log_in);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    (username.isEmpty() ? username_ : password_)->setFocus();
    resize(420, sizeHint().height());
}

void login_dialog::log_in() {
    const auto username = text_of(username_->text().trimmed());
    // The password goes to the worker once, in this call; the field is emptied at once.
    const auto password = text_of(password_->text());
    password_->clear();
    if (username.empty() || password.empty()) {
        message_->setText(tr("请输入用户名和密码。"));
        return;
    }
    ok_->setEnabled(false);
    message_->setText(tr("正在登录…"));
    api_.call<nlohmann::json>(
        this,
        [username, password](client::api_client& api) {
            api.login(username, password);
            auto session = api.whoami();
            // Kept in memory for the change feed's subscription (live_panel), never written anywhere.
            session["token"] = api.token();
            return session;
        },
        [this](nlohmann::json session) {
            session_ = std::move(session);
            accept();
        },
        [this](const client::client_error& e) {
            ok_->setEnabled(true);
            password_->setFocus();
            message_->setText(error_message(e));
        });
}

}  // namespace fupin::desktop
