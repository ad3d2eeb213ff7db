#pragma once
// The first run's dialog: which server and which certificate files, the same settings file as
// township-client's. 检查 proves them before they are kept: the certificate names an office (its OU), the server
// answers over mutual TLS with these files (reachable, its certificate trusted, ours accepted). 保存 writes the
// file only after a check passed with what is shown.
#include <QDialog>

#include "client/client_config.hpp"

class QLabel;
class QLineEdit;
class QPushButton;

namespace fupin::desktop {

class settings_dialog : public QDialog {
    Q_OBJECT

public:
    settings_dialog(client::client_config shown, QString config_path, QWidget* parent = nullptr);

    // What was saved (after exec() returned Accepted).
    const client::client_config& settings() const { return checked_; }

private:
    client::client_config entered() const;
    void check();
    void save();
    void show_result(const QString& text, bool ok);

    QString config_path_;
    QLineEdit* server_ = nullptr;
    QLineEdit* ca_ = nullptr;
    QLineEdit* certificate_ = nullptr;
    QLineEdit* key_ = nullptr;
    QLabel* result_ = nullptr;
    QPushButton* check_button_ = nullptr;
    QPushButton* save_button_ = nullptr;
    client::client_config checked_;
    bool passed_ = false;
};

}  // namespace fupin::desktop
