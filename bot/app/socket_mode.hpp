// File: bot/app/socket_mode.hpp
// Socket Mode: cocbot opens the connection, so it needs no public address. One connection is
// kept; Slack's routine refreshes are make-before-break (the new socket is greeted before the
// old one closes), so no envelope is lost. Runs on the I/O thread; envelopes are decided by
// the handler (the ingress) and acknowledged on the socket they came on.
#pragma once

#include "bot/app/health.hpp"
#include "bot/app/metrics.hpp"
#include "bot/net.hpp"
#include "bot/slack/api.hpp"
#include "bot/slack/payloads.hpp"
#include "bot/slack/socket_connection.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace cocbot::app {

struct SocketModeOptions {
    slack::SocketOptions socket{};
    std::chrono::milliseconds first_backoff{1000}; // after a failed attempt, doubled each time
    std::chrono::milliseconds max_backoff{60000};
    // The first wait after too_many_websockets, doubled each time it comes again.
    std::chrono::milliseconds crowded_backoff{5000};
    // How long a replaced connection must be quiet before cocbot closes it.
    std::chrono::milliseconds retire_after_quiet{1000};
};

class SocketMode {
public:
    // The acknowledgement's payload (a JSON object's text, or empty for a bare ack), or nullopt
    // to leave the envelope unacknowledged (nothing was saved: Slack retries or says so).
    using Handler = std::function<awaitable<std::optional<std::string>>(slack::Payload)>;
    // Socket Mode cannot work with this app token: the message says what to fix.
    using OnFatal = std::function<void(std::string message)>;

    // `api` calls apps.connections.open with the app-level token, on `executor`.
    SocketMode(net::any_io_executor executor, slack::Api& api, Handler handler, OnFatal on_fatal,
               Metrics& metrics, SocketModeOptions options);

    void start();
    // Close frames on every connection; nothing new is opened.
    void stop();

    // "socket_mode": connected, connecting, or turned off in the app settings. Any thread.
    HealthCheck health() const;

private:
    struct Live;

    awaitable<void> maintain();
    awaitable<std::optional<slack::SocketUrl>> fetch_url();
    awaitable<void> serve(std::shared_ptr<Live> live);
    void expect_greeting(const std::shared_ptr<Live>& live);
    slack::SocketConnection::OnText reader_for(const std::shared_ptr<Live>& live);
    awaitable<void> answer(std::shared_ptr<Live> live, std::string envelope_id,
                           slack::Payload payload);
    void on_text(const std::shared_ptr<Live>& live, const std::string& text);
    void on_hello(Live& live, int num_connections);
    void on_disconnect(Live& live, const std::string& reason);
    void retire_replaced();
    void failed(std::string_view what, std::string_view error);
    std::size_t active() const;
    awaitable<void> pause(std::chrono::milliseconds duration);
    std::chrono::milliseconds backoff();
    void wake();

    net::any_io_executor executor_;
    slack::Api& api_;
    Handler handler_;
    OnFatal on_fatal_;
    Metrics& metrics_;
    SocketModeOptions options_;
    net::steady_timer wake_;
    net::steady_timer pause_;
    net::steady_timer retire_; // the next look at connections waiting to be closed
    std::vector<std::shared_ptr<Live>> live_;
    int failures_ = 0; // attempts failed since the last greeted connection
    int crowded_ = 0;  // too_many_websockets since the last envelope
    std::optional<std::chrono::seconds> retry_after_;
    bool stopped_ = false;
    std::minstd_rand jitter_{std::random_device{}()};
    std::atomic<int> greeted_{0};
    std::atomic<bool> disabled_{false};
};

} // namespace cocbot::app
