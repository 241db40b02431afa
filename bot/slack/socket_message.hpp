// File: bot/slack/socket_message.hpp
// What Slack sends over a Socket Mode connection (hello, disconnect, envelopes), as plain
// values, and the acknowledgement of an envelope.
#pragma once

#include "bot/slack/payloads.hpp"

#include <string>
#include <string_view>
#include <variant>

namespace cocbot::slack {

struct SocketHello {
    int num_connections = 0; // every open socket of the app, this one included
};

// Slack will close (or has asked us to replace) this connection: `warning`,
// `refresh_requested`, `link_disabled` (Socket Mode turned off), `too_many_websockets`, ...;
// `other` for anything but a plain lower-case word.
struct SocketDisconnect {
    std::string reason;
};

// A request Slack wants acknowledged by `envelope_id` within 3 seconds. The payload did not
// parse when it holds a ParseError; it is acknowledged all the same, as it will not get better.
struct SocketEnvelope {
    std::string envelope_id;
    std::string type; // events_api, slash_commands or interactive
    int retry_attempt = 0;
    ParseResult payload;
};

// A frame that is none of the above (malformed JSON, an unknown type, no envelope id); it
// never quotes the frame.
struct SocketUnknown {
    std::string problem;
};

using SocketMessage = std::variant<SocketHello, SocketDisconnect, SocketEnvelope, SocketUnknown>;

// Never throws for bad input.
SocketMessage parse_socket_message(std::string_view text);

// `{"envelope_id":…}`, with `"payload"` when `payload_json` (a JSON object's text: a slash
// command's reply, a view submission's response_action) is not empty.
std::string socket_ack(std::string_view envelope_id, std::string_view payload_json);

} // namespace cocbot::slack
