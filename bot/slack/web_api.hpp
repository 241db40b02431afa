// File: bot/slack/web_api.hpp
// The Slack Web API client: one coroutine per call over pooled keep-alive connections,
// with Slack's retry rules (Retry-After on 429, backoff on 5xx and transport failures).
#pragma once

#include "bot/net.hpp"
#include "bot/slack/api.hpp"
#include "bot/slack/base_url.hpp"
#include "bot/slack/pacer.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cocbot::slack {

namespace detail {
struct Connection; // one pooled keep-alive connection (web_api.cpp)
struct Attempt;    // what one HTTP attempt produced (web_api.cpp)
} // namespace detail

struct WebApiOptions {
    std::string base_url = "https://slack.com/api/";
    std::string token; // sent as "Authorization: Bearer"; never logged
    std::chrono::milliseconds request_timeout{10000}; // per attempt, for each phase
    int max_attempts = 4;                      // 1 + retries (429, 5xx, timeouts, connection)
    std::chrono::milliseconds backoff{500};    // first 5xx/transport backoff, doubled each time
    std::chrono::seconds max_retry_after{120}; // cap on a 429's Retry-After within one call
    // Told of each HTTP attempt's outcome (the method; Slack's error name, empty when ok), for
    // the metrics. Called on the client's thread.
    std::function<void(std::string_view method, std::string_view error)> on_attempt{};
    // Each attempt waits its turn under these limits (slack_limits(): Slack's tiers); none,
    // for a client whose calls must go at once (views.open within its trigger's 3 s).
    std::optional<PacerLimits> pacing{};
};

// Not thread-safe: use it from one thread (or strand); calls may overlap as coroutines.
class WebApi final : public Api {
public:
    // Throws std::invalid_argument when options.base_url is not acceptable to parse_base_url.
    WebApi(net::any_io_executor executor, WebApiOptions options);
    ~WebApi();
    WebApi(const WebApi&) = delete;
    WebApi& operator=(const WebApi&) = delete;

    // POST <base><method> with a JSON body and the Bearer token.
    awaitable<ApiResult> call(std::string method, nlohmann::json args) override;

    // GET <base><method>?<query>, for read methods (conversations.history, users.info, ...).
    awaitable<ApiResult> get(std::string method, Query query) override;

    // Idle keep-alive connections currently pooled (for tests and diagnostics).
    std::size_t idle_connections() const { return idle_.size(); }

private:
    using Connection = detail::Connection;
    using Attempt = detail::Attempt;

    Request make_request(http::verb verb, std::string target) const;
    awaitable<ApiResult> perform(std::string_view method, std::string_view channel,
                                 Request request);
    awaitable<void> wait_turn(std::string_view method, std::string_view channel);
    std::optional<std::chrono::milliseconds> interpret(Attempt attempt, ApiResult& result) const;
    awaitable<Attempt> exchange(const Request& request);
    awaitable<std::unique_ptr<Connection>> open_connection(Attempt& failure);
    std::unique_ptr<Connection> take_idle();
    void release(std::unique_ptr<Connection> connection);
    awaitable<void> sleep(std::chrono::milliseconds duration);

    net::any_io_executor executor_;
    WebApiOptions options_;
    BaseUrl base_;
    std::string host_header_;
    std::shared_ptr<ssl::context> tls_; // only for an https base URL
    std::vector<std::unique_ptr<Connection>> idle_;
    std::optional<Pacer> pacer_;
};

} // namespace cocbot::slack
