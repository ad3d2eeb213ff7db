#include "client/desktop/desktop_app.hpp"

#include <QApplication>
#include <QMessageBox>

#include "client/client_config.hpp"
#include "client/desktop/api_worker.hpp"
#include "client/desktop/error_message.hpp"
#include "client/desktop/login_dialog.hpp"
#include "client/desktop/main_window.hpp"
#include "client/desktop/qt_text.hpp"
#include "client/desktop/settings_dialog.hpp"

namespace fupin::desktop {

desktop_app::desktop_app(std::filesystem::path config_path) : config_path_(std::move(config_path)) {}
desktop_app::~desktop_app() {
    window_.reset();  // before the worker its widgets call
    if (api_) api_->log_out();
    api_.reset();
}

bool desktop_app::start() {
    client::client_config config;
    bool usable = false;
    std::error_code ec;
    if (std::filesystem::exists(config_path_, ec)) {
        try {
            config = client::load_client_config(config_path_);
            client::check_complete(config);
            usable = true;
        } catch (const client::config_error&) {
        }
    }
    use_language(config.lang);
    if (!usable) {
        settings_dialog first_run(config, qt(config_path_.string()));
        if (first_run.exec() != QDialog::Accepted) return false;
        config = first_run.settings();
    }
    try {
        api_ = std::make_unique<api_worker>(client::options_from(config));
    } catch (const std::exception& e) {
        QMessageBox::critical(nullptr, QObject::tr("无法启动"),
                              QObject::tr("设置中的证书文件无法使用：%1\n设置文件：%2").arg(qt(e.what()), qt(config_path_.string())));
        return false;
    }
    login_dialog login(*api_, {}, {});
    if (login.exec() != QDialog::Accepted) return false;
    const auto session = login.session();
    api_->call<std::vector<common::area>>(
        this, [](client::api_client& api) { return api.list_areas(); },
        [this, session](std::vector<common::area> areas) {
            window_ = std::make_unique<main_window>(*api_, std::move(areas), session);
            window_->show();
        },
        [](const client::client_error& e) {
            QMessageBox::critical(nullptr, QObject::tr("无法打开"), error_message(e));
            QApplication::quit();
        });
    return true;
}

}  // namespace fupin::desktop
