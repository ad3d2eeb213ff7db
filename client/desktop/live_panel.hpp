#pragma once
// 实时动态: what changes in the office's area as it happens, from the change feed (client::event_stream, the same
// subscription `township-client watch` uses, on a thread of its own). Newest first; the stream rides out a
// dropped line by itself and the panel says when it is offline and when it is subscribed again.
#include <atomic>
#include <memory>
#include <thread>

#include <QWidget>

#include "client/api_client.hpp"
#include "client/event_stream.hpp"

class QLabel;
class QListWidget;

namespace fupin::desktop {

class live_panel : public QWidget {
    Q_OBJECT

public:
    explicit live_panel(QWidget* parent = nullptr);
    ~live_panel() override;

    // Subscribes from now on with the session's token (again after a new login: the old stream ends first).
    void start(client::connection_options options, std::string token);
    void stop();
    // The lines shown (at most max_lines, the newest).
    int event_count() const;
    static constexpr int max_lines = 1000;
    // Subscribed now (the server said hello), as the panel shows.
    bool online() const { return online_; }

signals:
    // Each event in the office's area (a household created or changed, a case moved on): the window refreshes.
    void event_arrived(const client::feed_event& e);
    // The feed refused the session (401, or closed with session_ended): log in again.
    void session_ended();

private:
    void show_event(const client::feed_event& e);
    void set_online(bool online, const QString& note = {});

    bool online_ = false;
    QLabel* state_ = nullptr;
    QListWidget* events_ = nullptr;
    std::unique_ptr<client::event_stream> stream_;
    std::thread thread_;
};

}  // namespace fupin::desktop
