// township-desktop: the township's window onto the county's archive (client/desktop/desktop_app.hpp). Settings
// are township-client's: $FUPIN_CLIENT_CONFIG, else ~/.config/fupin/township-client.conf.
#include <QApplication>

#include "client/client_config.hpp"
#include "client/desktop/desktop_app.hpp"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("township-desktop");
    fupin::desktop::desktop_app desktop(fupin::client::default_config_path());
    if (!desktop.start()) return 1;
    return QApplication::exec();
}
