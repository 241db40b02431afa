// File: sim/fake_socket_mode.hpp
// Slack's side of Socket Mode on 127.0.0.1: it answers apps.connections.open on a FakeSlack
// with a fresh ws:// URL (a ticket used once), greets each connection with hello, sends
// envelopes and records their acknowledgements. It serves on its own thread; every accessor
// is safe to call from the test thread.
#pragma once

#include "sim/fake_slack.hpp"
#include "sim/http_client.hpp"

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace cocbot::sim {

struct SocketAck {
    std::string envelope_id;
    nlohmann::json payload; // null when the ack had none
    int connection = 0;     // which connection it came on
    std::chrono::steady_clock::time_point at;
};

class FakeSocketMode {
public:
    // Takes over apps.connections.open on `slack`.
    explicit FakeSocketMode(FakeSlack& slack);
    ~FakeSocketMode();
    FakeSocketMode(const FakeSocketMode&) = delete;
    FakeSocketMode& operator=(const FakeSocketMode&) = delete;

    // Connections are numbered from 1 in the order they were accepted.
    int connections_accepted() const;
    int open_connections() const;
    // The newest connection still open (0 when none).
    int newest_open() const;
    bool wait_for_open(int count, std::chrono::milliseconds timeout) const;
    bool wait_for_accepted(int count, std::chrono::milliseconds timeout) const;
    // An upgrade that came with a ticket already used, or none: Slack refuses those.
    int stale_tickets() const;
    // What hello says num_connections is, beyond the bot's own (another process' sockets).
    void set_other_connections(int count);

    // Sends an envelope of `type` on `connection` (0: the newest open one); returns its id.
    std::string send_envelope(const std::string& type, const nlohmann::json& payload,
                              int connection = 0, int retry_attempt = 0);
    // Any text frame, as it is.
    void send_text(int connection, const std::string& text);
    std::optional<SocketAck> wait_for_ack(const std::string& envelope_id,
                                          std::chrono::milliseconds timeout) const;
    std::vector<SocketAck> acks() const;
    // A request as the bot's HTTP endpoint would get it (a slash command's or interactivity's
    // form, an Events API body), sent as the envelope Slack would send instead. The answer is
    // the ack's payload as a 200, or status 0 when no ack came within `timeout`.
    HttpResponse exchange(const std::string& content_type, const std::string& body,
                          std::chrono::milliseconds timeout = std::chrono::seconds(5));

    // {"type":"disconnect","reason":reason} on `connection`; the socket stays open.
    void disconnect(int connection, const std::string& reason);
    // A close frame, as Slack sends after a disconnect warning.
    void close(int connection);
    // The TCP connection closed with no close frame.
    void drop(int connection);
    // Stops reading, and so answering pings, with the TCP connection left open: a dead peer.
    void freeze(int connection);
    // apps.connections.open answers {"ok":false,"error":error} (empty: a URL again).
    void refuse_with(std::string error);
    int opens_requested() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace cocbot::sim
