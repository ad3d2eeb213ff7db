// The Beast baseline's counterpart of a scenario: same method, a request body of the same size, and a response
// body of the same size (bench/baseline answers /baseline?bytes=N with N bytes of JSON). What is left between
// the two is the county server's own work: routing, the worker hand-off, JSON, validation and the database.
#include "bench/load/scenarios.hpp"

namespace fupin::bench {
namespace {

class mirror_scenario : public scenario {
public:
    mirror_scenario(std::string name, client::http_method method, std::size_t request_bytes, std::size_t response_bytes)
        : name_(std::move(name)),
          method_(method),
          target_("/baseline?bytes=" + std::to_string(response_bytes)),
          body_(request_bytes ? std::optional<std::string>(json_of_size(request_bytes)) : std::nullopt) {}
    std::string name() const override { return name_; }
    void run_once(load_worker& worker) override { worker.send(method_, target_, body_, 200); }

private:
    static std::string json_of_size(std::size_t n) {
        if (n < 12) return std::string(n, ' ');
        return "{\"data\":\"" + std::string(n - 11, 'x') + "\"}";
    }
    std::string name_;
    client::http_method method_;
    std::string target_;
    std::optional<std::string> body_;
};

}  // namespace

std::unique_ptr<scenario> make_mirror_scenario(std::string name, client::http_method method, std::size_t request_bytes,
                                               std::size_t response_bytes) {
    return std::make_unique<mirror_scenario>(std::move(name), method, request_bytes, response_bytes);
}

}  // namespace fupin::bench
