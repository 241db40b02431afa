// File: bot/slack/payloads.cpp
#include "bot/slack/payloads.hpp"

#include "bot/slack/form.hpp"
#include "bot/slack/json_reader.hpp"
#include "bot/slack/payload_readers.hpp"

#include <boost/url/grammar/ci_string.hpp>
#include <cstddef>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

namespace cocbot::slack {
namespace {

using json = nlohmann::json;
using Need = JsonReader::Need;
using Reader = JsonReader;
// A value from the request, made safe to put in an error message or a log line.
std::string quoted_for_error(std::string_view text) {
    constexpr std::size_t max_length = 64;
    std::string out;
    for (const char c : text.substr(0, max_length)) {
        out.push_back(c >= 0x20 && c < 0x7f ? c : '?');
    }
    if (text.size() > max_length) {
        out.append("...");
    }
    return out;
}

// Parses one document with `read`, turning the first problem it noted into a ParseError.
template <class Read>
ParseResult read_document(const json& doc, Read read) {
    std::optional<std::string> error;
    const Reader reader{doc, "", error};
    auto payload = read(reader);
    if (error) {
        return ParseError{std::move(*error)};
    }
    return Payload{std::move(payload)};
}

// Parses untrusted JSON without exceptions; nullopt unless it is an object with a string type.
std::optional<std::string> parse_typed_object(std::string_view text, json& doc,
                                              std::string& problem) {
    doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) {
        problem = "malformed JSON";
        return std::nullopt;
    }
    if (!doc.is_object()) {
        problem = "JSON body is not an object";
        return std::nullopt;
    }
    std::optional<std::string> error;
    const auto type = Reader{doc, "", error}.string({"type"}, Need::required);
    if (error) {
        problem = *error;
        return std::nullopt;
    }
    return type;
}

// An interactivity payload of `type` (block_actions, view_submission or view_closed).
ParseResult interactivity_of(const json& doc, const std::string& type) {
    if (type == "block_actions") {
        return read_document(doc, readers::block_actions);
    }
    if (type == "view_submission") {
        return read_document(doc, readers::view_submission);
    }
    if (type == "view_closed") {
        return read_document(doc, readers::view_closed);
    }
    return ParseError{"unsupported interactivity payload type: " + quoted_for_error(type)};
}

// The `payload=` field of an interactivity request.
ParseResult parse_interactivity(std::string_view text) {
    json doc;
    std::string problem;
    const auto type = parse_typed_object(text, doc, problem);
    if (!type) {
        return ParseError{"interactivity payload: " + problem};
    }
    return interactivity_of(doc, *type);
}

// A slash command's fields, from a form (HTTP) or a JSON object (Socket Mode): `field(key)` is
// nullopt for a key that is absent.
template <class Field>
ParseResult slash_command_of(Field field) {
    for (const std::string_view key : {"command", "user_id", "channel_id"}) {
        if (!field(key)) {
            return ParseError{"missing field " + std::string{key}};
        }
    }
    const auto text = [&](std::string_view key) { return field(key).value_or(""); };
    // Slack sends a trigger with every slash command; a request without one is not Slack's.
    if (text("trigger_id").empty()) {
        return ParseError{"missing field trigger_id"};
    }
    return Payload{SlashCommand{
        .team_id = text("team_id"),
        .channel_id = text("channel_id"),
        .channel_name = text("channel_name"),
        .user_id = text("user_id"),
        .command = text("command"),
        .text = text("text"),
        .trigger_id = text("trigger_id"),
        .response_url = text("response_url"),
    }};
}

ParseResult parse_slash_command(const Form& form) {
    return slash_command_of([&](std::string_view key) -> std::optional<std::string> {
        if (!form.contains(key)) {
            return std::nullopt;
        }
        return std::string{form.get(key).value_or("")};
    });
}

// Socket Mode sends the form's fields as a JSON object of strings.
ParseResult parse_slash_command(const json& doc) {
    std::optional<std::string> error;
    const Reader reader{doc, "", error};
    auto parsed = slash_command_of([&](std::string_view key) -> std::optional<std::string> {
        if (reader.find({key}) == nullptr) {
            return std::nullopt;
        }
        return reader.string({key}, Need::required);
    });
    if (error) {
        return ParseError{std::move(*error)};
    }
    return parsed;
}

// An Events API body of `type`.
ParseResult events_of(const json& doc, const std::string& type) {
    if (type == "event_callback") {
        return read_document(doc, readers::event_callback);
    }
    if (type == "url_verification") {
        return read_document(doc, readers::url_verification);
    }
    return ParseError{"unsupported Events API type: " + quoted_for_error(type)};
}

ParseResult parse_form_body(std::string_view body) {
    const auto form = parse_form(body);
    if (!form) {
        return ParseError{"malformed form body"};
    }
    if (const auto payload = form->get("payload")) {
        return parse_interactivity(*payload);
    }
    if (form->get("ssl_check") == "1") {
        return Payload{SslCheck{}};
    }
    if (form->contains("command")) {
        return parse_slash_command(*form);
    }
    return ParseError{"form body is neither a slash command nor an interactivity payload"};
}

ParseResult parse_json_body(std::string_view body) {
    json doc;
    std::string problem;
    const auto type = parse_typed_object(body, doc, problem);
    if (!type) {
        return ParseError{problem};
    }
    return events_of(doc, *type);
}

// The `type` of a payload object; nullopt, and the problem, when it has none.
std::optional<std::string> type_of(const json& doc, std::string& problem) {
    if (!doc.is_object()) {
        problem = "payload is not an object";
        return std::nullopt;
    }
    std::optional<std::string> error;
    auto type = Reader{doc, "", error}.string({"type"}, Need::required);
    if (error) {
        problem = *error;
        return std::nullopt;
    }
    return type;
}

ParseResult socket_payload(std::string_view envelope_type, const json& payload) {
    if (envelope_type == "slash_commands") {
        if (!payload.is_object()) {
            return ParseError{"slash command payload is not an object"};
        }
        return parse_slash_command(payload);
    }
    std::string problem;
    const auto type = type_of(payload, problem);
    if (!type) {
        return ParseError{std::string{envelope_type} + " payload: " + problem};
    }
    if (envelope_type == "interactive") {
        return interactivity_of(payload, *type);
    }
    if (envelope_type == "events_api" && *type == "event_callback") {
        return events_of(payload, *type); // url_verification never comes over a socket
    }
    return ParseError{"unsupported envelope type: " + quoted_for_error(envelope_type)};
}

// "Application/JSON; charset=utf-8" -> "Application/JSON": the media type without parameters.
std::string_view media_type(std::string_view content_type) {
    content_type = content_type.substr(0, content_type.find(';'));
    constexpr std::string_view blanks = " \t";
    const auto first = content_type.find_first_not_of(blanks);
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = content_type.find_last_not_of(blanks);
    return content_type.substr(first, last - first + 1);
}

bool same_media_type(std::string_view a, std::string_view b) {
    return boost::urls::grammar::ci_is_equal(boost::urls::string_view{a.data(), a.size()},
                                             boost::urls::string_view{b.data(), b.size()});
}

struct KindName {
    std::string_view operator()(const SlashCommand&) const { return "slash_command"; }
    std::string_view operator()(const BlockActions&) const { return "block_actions"; }
    std::string_view operator()(const ViewSubmission&) const { return "view_submission"; }
    std::string_view operator()(const ViewClosed&) const { return "view_closed"; }
    std::string_view operator()(const EventCallback&) const { return "event_callback"; }
    std::string_view operator()(const UrlVerification&) const { return "url_verification"; }
    std::string_view operator()(const SslCheck&) const { return "ssl_check"; }
};

} // namespace

const InputValue* ViewState::find(std::string_view block_id, std::string_view action_id) const {
    const auto block = values.find(std::string{block_id});
    if (block == values.end()) {
        return nullptr;
    }
    const auto input = block->second.find(std::string{action_id});
    return input == block->second.end() ? nullptr : &input->second;
}

ParseResult parse_payload(std::string_view content_type, std::string_view body) {
    const auto type = media_type(content_type);
    try {
        if (same_media_type(type, "application/x-www-form-urlencoded")) {
            return parse_form_body(body);
        }
        if (same_media_type(type, "application/json")) {
            return parse_json_body(body);
        }
    } catch (const std::bad_alloc&) {
        throw; // not the request's fault
    } catch (const std::exception&) {
        // The readers check every type before converting, so this is a bug of ours; the
        // request still gets a 400 rather than taking the connection down.
        return ParseError{"unreadable request body"};
    }
    if (type.empty()) {
        return ParseError{"missing Content-Type"};
    }
    return ParseError{"unsupported Content-Type: " + quoted_for_error(type) +
                      " (expected application/x-www-form-urlencoded or application/json)"};
}

ParseResult parse_socket_payload(std::string_view envelope_type, const nlohmann::json& payload) {
    try {
        return socket_payload(envelope_type, payload);
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception&) {
        return ParseError{"unreadable payload"}; // as parse_payload: a bug of ours, not fatal
    }
}

std::string_view kind_of(const Payload& payload) {
    return std::visit(KindName{}, payload);
}

} // namespace cocbot::slack
