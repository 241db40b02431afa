// File: bot/slack/socket_connection.hpp
// One Socket Mode WebSocket: TLS (or plain, to a loopback host), a read always outstanding so
// that Slack's pings are answered, writes in order, and a watchdog of our own pings. Beast's
// idle_timeout is not used: it does not count Slack's pings as activity (boostorg/beast#2716).
#pragma once

#include "bot/net.hpp"
#include "bot/slack/base_url.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace cocbot::slack {

struct SocketOptions {
    std::chrono::milliseconds connect_timeout{10000}; // resolve, TCP, TLS and the upgrade, each
    std::chrono::milliseconds ping_interval{5000};    // our own ping, when nothing else arrived
    std::chrono::milliseconds dead_after{15000};      // nothing at all received: the peer is gone
    std::size_t max_message = 1024 * 1024;            // one frame from Slack, after reassembly
};

class SocketConnection {
public:
    using OnText = std::function<void(std::string text)>;

    virtual ~SocketConnection() = default;

    // Connects and upgrades. nullptr, and `error` a word for the log ("connection_failed",
    // "tls_failed", "timeout", "handshake_failed"), on failure.
    static awaitable<std::shared_ptr<SocketConnection>> open(net::any_io_executor executor,
                                                             const SocketUrl& url,
                                                             SocketOptions options,
                                                             std::string& error);

    // Reads until the connection ends, calling `on_text` with each text message. Returns why it
    // ended: "closed" (a close frame), "dead" (the watchdog), or the transport's error.
    virtual awaitable<std::string> run(OnText on_text) = 0;
    // Queued, and written in order. Ignored once the connection is closing.
    virtual void send(std::string text) = 0;
    // A close frame after what is queued; run() returns once the peer answers or the socket
    // fails.
    virtual void close() = 0;
    // Drops the socket at once, with no close frame.
    virtual void abort() = 0;
};

} // namespace cocbot::slack
