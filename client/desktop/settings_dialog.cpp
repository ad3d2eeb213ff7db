#include "client/desktop/settings_dialog.hpp"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/certificate_file.hpp"
#include "client/desktop/api_worker.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/qt_text.hpp"

namespace fupin::desktop {
namespace {

QLineEdit* file_row(QFormLayout* form, const QString& label, const std::string& value, QWidget* parent) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(qt(value), row);
    auto* browse = new QPushButton(QObject::tr("选择…"), row);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, row, [edit, row, label] {
        const auto chosen = QFileDialog::getOpenFileName(row, label, edit->text(), QObject::tr("证书文件 (*.crt *.pem *.key);;所有文件 (*)"));
        if (!chosen.isEmpty()) edit->setText(chosen);
    });
    form->addRow(label, row);
    return edit;
}

}  // namespace

settings_dialog::settings_dialog(client::client_config shown, QString config_path, QWidget* parent)
    : QDialog(parent), config_path_(std::move(config_path)), checked_(std::move(shown)) {
    setWindowTitle(tr("连接设置"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("请填写县扶贫办提供的服务器地址和本单位的证书文件。设置保存在 %1，与命令行客户端共用。")
                                 .arg(config_path_),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    server_ = new QLineEdit(qt(checked_.server), this);
    server_->setObjectName("server");
    server_->setPlaceholderText(tr("例如 county.example.cn:8443"));
    form->addRow(tr("服务器"), server_);
    ca_ = file_row(form, tr("县级根证书"), checked_.ca, this);
    ca_->setObjectName("ca");
    certificate_ = file_row(form, tr("本单位证书"), checked_.certificate, this);
    certificate_->setObjectName("certificate");
    key_ = file_row(form, tr("本单位私钥"), checked_.private_key, this);
    key_->setObjectName("key");
    layout->addLayout(form);
    result_ = new QLabel(this);
    result_->setObjectName("result");
    result_->setWordWrap(true);
    layout->addWidget(result_);
    auto* buttons = new QDialogButtonBox(this);
    check_button_ = buttons->addButton(tr("检查"), QDialogButtonBox::ActionRole);
    check_button_->setObjectName("check");
    save_button_ = buttons->addButton(tr("保存"), QDialogButtonBox::AcceptRole);
    save_button_->setObjectName("save");
    save_button_->setEnabled(false);
    buttons->addButton(tr("取消"), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(check_button_, &QPushButton::clicked, this, &settings_dialog::check);
    connect(save_button_, &QPushButton::clicked, this, &settings_dialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A change after a check needs a check again.
    for (auto* edit : {server_, ca_, certificate_, key_})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            passed_ = false;
            save_button_->setEnabled(false);
        });
    resize(620, sizeHint().height());
}

client::client_config settings_dialog::entered() const {
    client::client_config c = checked_;
    c.server = text_of(server_->text().trimmed());
    c.ca = text_of(ca_->text().trimmed());
    c.certificate = text_of(certificate_->text().trimmed());
    c.private_key = text_of(key_->text().trimmed());
    return c;
}

void settings_dialog::show_result(const QString& text, bool ok) {
    result_->setText(text);
    result_->setStyleSheet(ok ? "color: #1b5e20;" : "color: #b71c1c;");
}

void settings_dialog::check() {
    const auto c = entered();
    std::string area;
    try {
        client::check_complete(c);
        area = client::office_area_of_certificate(c.certificate);
        if (area.empty()) {
            show_result(tr("本单位证书中没有唯一的单位代码（OU），请向县扶贫办确认证书。"), false);
            return;
        }
    } catch (const std::exception& e) {
        show_result(tr("设置不完整或证书无法读取：%1").arg(qt(e.what())), false);
        return;
    }
    check_button_->setEnabled(false);
    // What is checked is what is shown: the fields wait for the answer.
    for (auto* edit : {server_, ca_, certificate_, key_}) edit->setEnabled(false);
    show_result(tr("正在连接 %1 …").arg(qt(c.server)), true);
    // A worker of its own: the settings are not the application's until they are saved.
    api_worker* probe = nullptr;
    try {
        probe = new api_worker(client::options_from(c), this);
    } catch (const std::exception& e) {
        check_button_->setEnabled(true);
        show_result(tr("证书文件无法使用：%1").arg(qt(e.what())), false);
        return;
    }
    probe->call<nlohmann::json>(
        this, [](client::api_client& api) { return api.health(); },
        [this, probe, c, area](nlohmann::json) {
            for (auto* edit : {server_, ca_, certificate_, key_}) edit->setEnabled(true);
            checked_ = c;
            passed_ = true;
            save_button_->setEnabled(true);
            check_button_->setEnabled(true);
            show_result(tr("连接正常：服务器可达，证书互相信任。本证书属于单位 %1。").arg(qt(area)), true);
            probe->deleteLater();
        },
        [this, probe](const client::client_error& e) {
            for (auto* edit : {server_, ca_, certificate_, key_}) edit->setEnabled(true);
            check_button_->setEnabled(true);
            show_result(error_message(e), false);
            probe->deleteLater();
        });
}

void settings_dialog::save() {
    if (!passed_) return;
    try {
        client::save_client_config(text_of(config_path_), checked_);
    } catch (const std::exception& e) {
        show_result(tr("无法保存设置：%1").arg(qt(e.what())), false);
        return;
    }
    accept();
}

}  // namespace fupin::desktop
