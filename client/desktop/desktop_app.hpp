#pragma once
// township-desktop from start to its window: the settings (the first run's dialog when the file is missing or
// incomplete), the login, the office's areas, then the main window. One api_worker serves them all.
#include <filesystem>
#include <memory>

#include <QObject>

namespace fupin::desktop {

class api_worker;
class main_window;

class desktop_app : public QObject {
    Q_OBJECT

public:
    explicit desktop_app(std::filesystem::path config_path);
    ~desktop_app() override;

    // Shows the dialogs; false when the clerk closed one of them (the program then ends).
    bool start();
    // The window, once the login is done and the office's areas are read (nullptr before).
    main_window* window() const { return window_.get(); }

private:
    std::filesystem::path config_path_;
    std::unique_ptr<api_worker> api_;
    std::unique_ptr<main_window> window_;
};

}  // namespace fupin::desktop
