#pragma once
// Awaitable work on a database worker, for network code: the coroutine suspends, a worker runs `work` on its
// connection, and the coroutine resumes on its own executor with the result, or with nullopt when the queue is
// full, the database is unreachable, or the work threw (logged). Network threads never wait on the database.
#include <spdlog/spdlog.h>

#include <functional>
#include <memory>
#include <optional>

#include "server/asio_names.hpp"
#include "server/workers/db_worker_pool.hpp"

namespace fupin::server::workers {

template <class Result>
struct database_call_initiation {
    workers::db_worker_pool* pool;

    template <class Handler>
    void operator()(Handler&& handler, std::function<Result(sql::connection&)> work) const {
        auto shared = std::make_shared<std::decay_t<Handler>>(std::forward<Handler>(handler));
        auto executor = asio::prefer(asio::get_associated_executor(*shared), asio::execution::outstanding_work.tracked);
        auto job = [work = std::move(work), shared, executor](sql::connection* connection) {
            std::optional<Result> result;
            if (connection) {
                try {
                    result = work(*connection);
                } catch (const std::exception& e) {
                    spdlog::warn("database call failed: {}", e.what());
                }
            }
            asio::post(executor, [shared, result = std::move(result)]() mutable { (*shared)(std::move(result)); });
        };
        if (!pool->try_submit(std::move(job)))
            asio::post(executor, [shared]() mutable { (*shared)(std::optional<Result>{}); });
    }
};

// The work travels as an argument, not a capture: g++ 12 destroys captures of a lambda inside a co_await
// expression twice.
template <class Result>
asio::awaitable<std::optional<Result>> on_database(workers::db_worker_pool& pool,
                                                    std::function<Result(sql::connection&)> work) {
    co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(std::optional<Result>)>(
        database_call_initiation<Result>{&pool}, asio::use_awaitable, std::move(work));
}

}  // namespace fupin::server::workers
