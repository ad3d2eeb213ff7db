#include "client/desktop/api_worker.hpp"

#include <exception>

namespace fupin::desktop {

api_worker::api_worker(client::connection_options options, QObject* parent)
    : QObject(parent), options_(std::move(options)) {
    thread_.setObjectName("api_worker");
    context_ = new QObject;
    context_->moveToThread(&thread_);
    thread_.start();
    // The client is made on the worker's thread, now: certificates that cannot be loaded are refused here, to
    // whoever makes the worker, not later inside a call.
    std::exception_ptr failure;
    QMetaObject::invokeMethod(
        context_,
        [this, &failure] {
            try {
                api_ = std::make_unique<client::api_client>(options_);
            } catch (...) {
                failure = std::current_exception();
            }
        },
        Qt::BlockingQueuedConnection);
    if (failure) {
        thread_.quit();
        thread_.wait();
        delete context_;
        std::rethrow_exception(failure);
    }
}

api_worker::~api_worker() {
    // The connection was made on the worker's thread and ends there, after the calls already queued.
    QMetaObject::invokeMethod(context_, [this] { api_.reset(); }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
    delete context_;
}

void api_worker::log_out() {
    post([](client::api_client& api) {
        try {
            if (!api.token().empty()) api.logout();
        } catch (const std::exception&) {
            // Leaving anyway: the session expires by itself.
        }
    });
}

void api_worker::post(std::function<void(client::api_client&)> job) {
    QMetaObject::invokeMethod(
        context_,
        [this, job = std::move(job)] { job(*api_); },
        Qt::QueuedConnection);
}

}  // namespace fupin::desktop
