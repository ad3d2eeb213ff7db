#include "bench/load/load_worker.hpp"

#include "bench/common/bench_failure.hpp"

namespace fupin::bench {
namespace {

const char* method_name(client::http_method method) {
    switch (method) {
        case client::http_method::get: return "GET";
        case client::http_method::post: return "POST";
        case client::http_method::put: return "PUT";
        case client::http_method::delete_: return "DELETE";
    }
    return "?";
}

}  // namespace

load_worker::load_worker(int index, std::string area, const client::connection_options& options)
    : index_(index), area_(std::move(area)), client_(options), random_(0x9e3779b97f4a7c15ULL * (index + 1)) {
    samples_.reserve(1 << 16);
}

void load_worker::set_window(clock::time_point from, clock::time_point until) {
    from_ = from;
    until_ = until;
}

client::http_result load_worker::send(client::http_method method, const std::string& target,
                                      std::optional<std::string> body, int expected_status,
                                      const client::header_list& headers) {
    const std::size_t sent = body ? body->size() : 0;
    const auto started = clock::now();
    client::http_result result;
    try {
        result = client_.request(method, target, std::move(body), headers);
    } catch (const std::exception& e) {
        throw bench_failure(std::string(method_name(method)) + " " + target + ": " + e.what());
    }
    const auto ended = clock::now();
    if (result.status != expected_status)
        throw bench_failure(std::string(method_name(method)) + " " + target + " answered " +
                            std::to_string(result.status) + " (expected " + std::to_string(expected_status) +
                            "): " + result.body.substr(0, 300));
    if (started >= from_ && ended <= until_) {
        samples_.add(std::chrono::duration_cast<std::chrono::nanoseconds>(ended - started).count());
        request_bytes_ += sent;
        response_bytes_ += result.body.size();
    }
    return result;
}

}  // namespace fupin::bench
