// File: bot/slack/socket_message.cpp
#include "bot/slack/socket_message.hpp"

#include "bot/slack/json_reader.hpp"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

namespace cocbot::slack {
namespace {

using json = nlohmann::json;
using Need = JsonReader::Need;

int clamped(std::int64_t value) {
    return static_cast<int>(std::clamp<std::int64_t>(value, 0, std::numeric_limits<int>::max()));
}

// Reasons go to the log and a metric's label: a plain word of Slack's, or "other".
std::string plain_reason(std::string reason) {
    const bool plain = !reason.empty() && reason.size() <= 64 &&
                       std::all_of(reason.begin(), reason.end(), [](char c) {
                           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                       });
    return plain ? reason : "other";
}

SocketMessage envelope_of(const json& doc, const JsonReader& reader, std::string type,
                          std::optional<std::string>& error) {
    SocketEnvelope envelope;
    envelope.envelope_id = reader.string({"envelope_id"}, Need::required);
    envelope.retry_attempt = clamped(reader.integer({"retry_attempt"}, Need::optional));
    if (error || envelope.envelope_id.empty())
        return SocketUnknown{error.value_or("empty envelope_id")};
    envelope.type = std::move(type);
    const auto payload = doc.find("payload");
    envelope.payload = payload == doc.end() ? ParseResult{ParseError{"missing field payload"}}
                                            : parse_socket_payload(envelope.type, *payload);
    return envelope;
}

SocketMessage message_of(const json& doc) {
    if (!doc.is_object())
        return SocketUnknown{"frame is not a JSON object"};
    std::optional<std::string> error;
    const JsonReader reader{doc, "", error};
    auto type = reader.string({"type"}, Need::required);
    if (error)
        return SocketUnknown{*error};
    if (type == "hello")
        return SocketHello{clamped(reader.integer({"num_connections"}, Need::optional))};
    if (type == "disconnect")
        return SocketDisconnect{plain_reason(reader.lenient_string({"reason"}))};
    if (type == "events_api" || type == "slash_commands" || type == "interactive")
        return envelope_of(doc, reader, std::move(type), error);
    return SocketUnknown{"unknown frame type"};
}

} // namespace

SocketMessage parse_socket_message(std::string_view text) {
    try {
        const auto doc = json::parse(text, nullptr, false);
        if (doc.is_discarded())
            return SocketUnknown{"malformed JSON"};
        return message_of(doc);
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception&) {
        return SocketUnknown{"unreadable frame"};
    }
}

std::string socket_ack(std::string_view envelope_id, std::string_view payload_json) {
    json ack{{"envelope_id", envelope_id}};
    if (payload_json.empty())
        return ack.dump();
    // Our own answer bodies: always JSON objects, but a broken one must not break the ack.
    auto payload = json::parse(payload_json, nullptr, false);
    if (payload.is_object())
        ack["payload"] = std::move(payload);
    return ack.dump();
}

} // namespace cocbot::slack
