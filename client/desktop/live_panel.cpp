#include "client/desktop/live_panel.hpp"

#include <QLabel>
#include <QListWidget>
#include <QMetaObject>
#include <QVBoxLayout>

#include "client/desktop/error_message.hpp"
#include "client/desktop/qt_text.hpp"
#include "client/event_printer.hpp"

namespace fupin::desktop {

live_panel::live_panel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    state_ = new QLabel(this);
    state_->setObjectName("feed_state");
    layout->addWidget(state_);
    events_ = new QListWidget(this);
    events_->setObjectName("events");
    layout->addWidget(events_, 1);
    set_online(false, tr("尚未连接"));
}

live_panel::~live_panel() { stop(); }

void live_panel::start(client::connection_options options, std::string token) {
    stop();
    stream_ = std::make_unique<client::event_stream>(std::move(options), std::move(token), std::nullopt);
    stream_->on_interruption([this](const client::feed_interruption& i) {
        const auto seconds = QString::number(static_cast<double>(i.delay.count()) / 1000.0, 'f', 1);
        QMetaObject::invokeMethod(this, [this, seconds] { set_online(false, tr("连接中断，%1 秒后重连").arg(seconds)); },
                                  Qt::QueuedConnection);
    });
    // Online once the server has said hello: at first, and after each reconnection.
    stream_->on_subscribed([this] { QMetaObject::invokeMethod(this, [this] { set_online(true); }, Qt::QueuedConnection); });
    set_online(false, tr("正在连接…"));
    auto* stream = stream_.get();
    thread_ = std::thread([this, stream] {
        try {
            stream->run([this](const client::feed_event& e) {
                QMetaObject::invokeMethod(this, [this, e] { show_event(e); }, Qt::QueuedConnection);
            });
        } catch (const client::client_error& e) {
            const auto message = error_message(e);
            const bool session_over = e.kind() == client::error_kind::http && e.status() == 401;
            QMetaObject::invokeMethod(
                this,
                [this, message, session_over] {
                    set_online(false, message);
                    if (session_over) emit session_ended();
                },
                Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const auto message = QString::fromUtf8(e.what());
            QMetaObject::invokeMethod(this, [this, message] { set_online(false, message); }, Qt::QueuedConnection);
        }
    });
}

void live_panel::stop() {
    if (stream_) stream_->stop();
    if (thread_.joinable()) thread_.join();
    stream_.reset();
}

int live_panel::event_count() const { return events_->count(); }

void live_panel::show_event(const client::feed_event& e) {
    events_->insertItem(0, qt(client::event_printer(ui_language()).line(e)).trimmed());
    // The newest lines only: a bulk import elsewhere brings thousands at once, and the panel is to be read.
    while (events_->count() > max_lines) delete events_->takeItem(events_->count() - 1);
    emit event_arrived(e);
}

void live_panel::set_online(bool online, const QString& note) {
    online_ = online;
    state_->setText(online ? tr("● 在线：本区域的变化实时显示在下方") : tr("○ 离线：%1").arg(note));
    state_->setStyleSheet(online ? "color: #1b5e20;" : "color: #b71c1c;");
}

}  // namespace fupin::desktop
