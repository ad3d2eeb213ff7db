#pragma once
// The desktop's one door to county-server: an api_client (the command-line client's, with its TLS connection and
// its rules) living on a thread of its own, so the window never waits on the network. A call hands the worker
// a piece of work and two callbacks; the work runs on the worker's thread, one call after another, and its answer
// (or its client_error) comes back on the UI thread, to `receiver`, the widget that asked, unless it was destroyed
// meanwhile (a closed form, a cancelled dialog): then to no one.
#include <functional>
#include <memory>
#include <string>
#include <utility>

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include "client/api_client.hpp"
#include "client/client_error.hpp"

namespace fupin::desktop {

class api_worker : public QObject {
    Q_OBJECT

public:
    // Throws client::config_error when the certificate files cannot be loaded.
    explicit api_worker(client::connection_options options, QObject* parent = nullptr);
    ~api_worker() override;

    const client::connection_options& options() const { return options_; }

    template <class Result>
    void call(QObject* receiver, std::function<Result(client::api_client&)> work, std::function<void(Result)> done,
              std::function<void(const client::client_error&)> failed) {
        // The answer is posted to this worker (on the UI thread, and alive while calls are queued), which hands
        // it on only if the receiver still exists: the receiver's pointer is never touched from the worker thread.
        post([guard = QPointer<QObject>(receiver), work = std::move(work), done = std::move(done),
              failed = std::move(failed), this](client::api_client& api) {
            try {
                auto result = std::make_shared<Result>(work(api));
                QMetaObject::invokeMethod(this, [guard, done, result] { if (guard) done(std::move(*result)); },
                                          Qt::QueuedConnection);
            } catch (const client::client_error& e) {
                // A refused password is the login's own answer, not the end of a session.
                if (e.kind() == client::error_kind::http && e.status() == 401 && e.code() != "invalid_credentials")
                    emit session_ended();
                QMetaObject::invokeMethod(this, [guard, failed, e] { if (guard) failed(e); }, Qt::QueuedConnection);
            } catch (const std::exception& e) {
                const client::client_error wrapped(client::error_kind::protocol, e.what());
                QMetaObject::invokeMethod(this, [guard, failed, wrapped] { if (guard) failed(wrapped); },
                                          Qt::QueuedConnection);
            }
        });
    }

    // Ends the session on the server (the token is a password for 12 hours, and a township's computer is shared)
    // after the calls already queued; fire and forget, before the window closes.
    void log_out();

signals:
    // A request was answered 401: the session expired or was ended. The window asks for the password again.
    void session_ended();

private:
    // Runs `job` on the worker thread with its api_client.
    void post(std::function<void(client::api_client&)> job);

    client::connection_options options_;
    QThread thread_;
    QObject* context_ = nullptr;                 // lives on thread_: queued jobs run in its event loop
    std::unique_ptr<client::api_client> api_;    // made, used and destroyed on thread_ only
};

}  // namespace fupin::desktop
