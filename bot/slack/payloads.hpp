// File: bot/slack/payloads.hpp
#pragma once
// What Slack POSTs to /slack/events, as plain values: slash commands (form), interactivity
// (`payload=` JSON in a form) and the Events API (JSON). Only the fields cocbot uses are kept.

#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cocbot::slack {

struct SlashCommand {
    std::string team_id, channel_id, channel_name, user_id, command, text, trigger_id, response_url;
    bool operator==(const SlashCommand&) const = default;
};

// One element of block_actions.actions[].
struct Action {
    std::string action_id, block_id, type;
    std::string value;           // buttons
    std::string selected_user;   // users_select
    std::string selected_option; // static_select: the option's value
    bool operator==(const Action&) const = default;
};

struct BlockActions {
    std::string team_id, user_id, trigger_id, response_url;
    std::string container_type; // "message", "message_attachment" or "view"
    std::string channel_id;     // message containers
    std::string message_ts;     // message containers
    std::string view_id;        // view containers
    std::vector<Action> actions;
    bool operator==(const BlockActions&) const = default;
};

// view.state.values[block_id][action_id]: which member is set depends on the element type.
struct InputValue {
    std::string type;
    std::optional<std::string> value;           // plain_text_input
    std::optional<std::string> selected_option; // static_select, radio_buttons: option value
    std::vector<std::string> selected_options;  // checkboxes, multi_static_select: values
    std::optional<std::string> selected_user;   // users_select
    std::vector<std::string> selected_users;    // multi_users_select: user ids
    std::optional<std::string> selected_date;   // datepicker
    bool operator==(const InputValue&) const = default;
};

struct ViewState {
    // block_id -> action_id -> value
    std::map<std::string, std::map<std::string, InputValue>> values;

    // nullptr when the block or the action is absent.
    const InputValue* find(std::string_view block_id, std::string_view action_id) const;
    bool operator==(const ViewState&) const = default;
};

struct ViewSubmission {
    std::string team_id, user_id, trigger_id, view_id, callback_id, private_metadata, hash;
    ViewState state;
    bool operator==(const ViewSubmission&) const = default;
};

struct ViewClosed {
    std::string team_id, user_id, view_id, callback_id, private_metadata;
    bool is_cleared = false;
    bool operator==(const ViewClosed&) const = default;
};

// The envelope plus the inner event's fields cocbot routes on; absent ones stay empty.
struct EventCallback {
    std::string event_id, team_id; // team_id is empty for org-wide installs
    std::int64_t event_time = 0;
    std::string type; // event.type
    std::string user, channel, channel_type, inviter, tab, bot_id;
    // user_change: the user is an object; its id goes to `user`, and its names here.
    std::vector<std::string> user_names{};
    bool operator==(const EventCallback&) const = default;
};

struct UrlVerification {
    std::string challenge;
    bool operator==(const UrlVerification&) const = default;
};

// Slack's certificate probe on the slash command URL (`ssl_check=1`): answer 200, do nothing.
struct SslCheck {
    bool operator==(const SslCheck&) const = default;
};

using Payload = std::variant<SlashCommand, BlockActions, ViewSubmission, ViewClosed, EventCallback,
                             UrlVerification, SslCheck>;

// Why a body was refused, fit for a 400 answer and a log line: it never quotes the body.
struct ParseError {
    std::string message;
    bool operator==(const ParseError&) const = default;
};

using ParseResult = std::variant<Payload, ParseError>;

// Dispatches on the Content-Type (parameters such as charset are ignored) and then on the
// payload's own type. Never throws for bad input: every malformed body is a ParseError.
ParseResult parse_payload(std::string_view content_type, std::string_view body);

// The payload of a Socket Mode envelope of `envelope_type` (slash_commands: the form's fields
// as a JSON object; interactive: what `payload=` holds; events_api: the Events API body). The
// same payloads as parse_payload's, with the same checks.
ParseResult parse_socket_payload(std::string_view envelope_type, const nlohmann::json& payload);

// "slash_command", "block_actions", "view_submission", "view_closed", "event_callback",
// "url_verification" or "ssl_check" (for logs and dispatch tables).
std::string_view kind_of(const Payload& payload);

} // namespace cocbot::slack
