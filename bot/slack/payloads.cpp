// File: bot/slack/payloads.cpp
#include "bot/slack/payloads.hpp"

#include "bot/slack/form.hpp"
#include "bot/slack/json_reader.hpp"

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

Action read_action(const Reader& r) {
    Action action;
    action.action_id = r.string({"action_id"}, Need::required);
    action.block_id = r.string({"block_id"}, Need::optional);
    action.type = r.string({"type"}, Need::required);
    action.value = r.string({"value"}, Need::optional);
    action.selected_user = r.string({"selected_user"}, Need::optional);
    action.selected_option = r.string({"selected_option", "value"}, Need::optional);
    return action;
}

BlockActions read_block_actions(const Reader& r) {
    BlockActions out;
    out.team_id = r.string({"team", "id"}, Need::optional);
    out.user_id = r.string({"user", "id"}, Need::required);
    out.trigger_id = r.string({"trigger_id"}, Need::optional);
    out.response_url = r.string({"response_url"}, Need::optional);
    out.container_type = r.string({"container", "type"}, Need::optional);
    // Message containers name the message; view containers (modals, App Home) the view.
    // The top-level channel/message/view objects say the same where the container is terse.
    out.channel_id = r.string({"container", "channel_id"}, Need::optional);
    if (out.channel_id.empty()) {
        out.channel_id = r.string({"channel", "id"}, Need::optional);
    }
    out.message_ts = r.string({"container", "message_ts"}, Need::optional);
    if (out.message_ts.empty()) {
        out.message_ts = r.string({"message", "ts"}, Need::optional);
    }
    out.view_id = r.string({"container", "view_id"}, Need::optional);
    if (out.view_id.empty()) {
        out.view_id = r.string({"view", "id"}, Need::optional);
    }

    const json* actions = r.array({"actions"}, Need::required);
    if (actions != nullptr && actions->empty()) {
        r.fail("field actions must not be empty");
    }
    if (actions != nullptr) {
        for (std::size_t i = 0; i < actions->size(); ++i) {
            const Reader item = r.child((*actions)[i], "actions[" + std::to_string(i) + "]");
            if (item.object({}, Need::required) != nullptr) {
                out.actions.push_back(read_action(item));
            }
        }
    }
    return out;
}

InputValue read_input_value(const Reader& r) {
    InputValue value;
    value.type = r.string({"type"}, Need::optional);
    value.value = r.nullable_string({"value"});
    value.selected_option = r.nullable_string({"selected_option", "value"});
    if (const json* options = r.array({"selected_options"}, Need::optional)) {
        for (std::size_t i = 0; i < options->size(); ++i) {
            const Reader option = r.child((*options)[i], r.name({"selected_options"}) + "[" +
                                                             std::to_string(i) + "]");
            value.selected_options.push_back(option.string({"value"}, Need::required));
        }
    }
    value.selected_user = r.nullable_string({"selected_user"});
    if (const json* users = r.array({"selected_users"}, Need::optional)) {
        for (std::size_t i = 0; i < users->size(); ++i) {
            const Reader user =
                r.child((*users)[i], r.name({"selected_users"}) + "[" + std::to_string(i) + "]");
            value.selected_users.push_back(user.string({}, Need::required));
        }
    }
    value.selected_date = r.nullable_string({"selected_date"});
    return value;
}

ViewState read_view_state(const Reader& r) {
    ViewState state;
    const json* blocks = r.object({"view", "state", "values"}, Need::optional);
    if (blocks == nullptr) {
        return state;
    }
    const Reader values = r.child(*blocks, r.name({"view", "state", "values"}));
    for (const auto& [block_id, block] : blocks->items()) {
        const Reader block_reader = values.child(block, values.name({block_id}));
        if (block_reader.object({}, Need::required) == nullptr) {
            continue;
        }
        for (const auto& [action_id, input] : block.items()) {
            const Reader input_reader = block_reader.child(input, block_reader.name({action_id}));
            if (input_reader.object({}, Need::required) != nullptr) {
                state.values[block_id][action_id] = read_input_value(input_reader);
            }
        }
    }
    return state;
}

ViewSubmission read_view_submission(const Reader& r) {
    ViewSubmission out;
    out.team_id = r.string({"team", "id"}, Need::optional);
    out.user_id = r.string({"user", "id"}, Need::required);
    out.trigger_id = r.string({"trigger_id"}, Need::optional);
    out.view_id = r.string({"view", "id"}, Need::required);
    out.callback_id = r.string({"view", "callback_id"}, Need::required);
    out.private_metadata = r.string({"view", "private_metadata"}, Need::optional);
    out.hash = r.string({"view", "hash"}, Need::optional);
    out.state = read_view_state(r);
    return out;
}

ViewClosed read_view_closed(const Reader& r) {
    ViewClosed out;
    out.team_id = r.string({"team", "id"}, Need::optional);
    out.user_id = r.string({"user", "id"}, Need::required);
    out.view_id = r.string({"view", "id"}, Need::required);
    out.callback_id = r.string({"view", "callback_id"}, Need::required);
    out.private_metadata = r.string({"view", "private_metadata"}, Need::optional);
    out.is_cleared = r.boolean({"is_cleared"});
    return out;
}

// user_change carries the whole user object: its id and the names a report may type.
void read_changed_user(const Reader& r, EventCallback& out) {
    out.user = r.string({"event", "user", "id"}, Need::required);
    const auto add = [&](std::string name) {
        if (!name.empty())
            out.user_names.push_back(std::move(name));
    };
    add(r.lenient_string({"event", "user", "real_name"}));
    add(r.lenient_string({"event", "user", "profile", "real_name"}));
    add(r.lenient_string({"event", "user", "profile", "display_name"}));
}

EventCallback read_event_callback(const Reader& r) {
    EventCallback out;
    out.event_id = r.string({"event_id"}, Need::required);
    out.team_id = r.string({"team_id"}, Need::optional); // absent for org-wide installs
    out.event_time = r.integer({"event_time"}, Need::optional);
    if (r.object({"event"}, Need::required) != nullptr) {
        out.type = r.string({"event", "type"}, Need::required);
    }
    out.user = r.lenient_string({"event", "user"});
    out.channel = r.lenient_string({"event", "channel"});
    out.channel_type = r.lenient_string({"event", "channel_type"});
    out.inviter = r.lenient_string({"event", "inviter"});
    out.tab = r.lenient_string({"event", "tab"});
    out.bot_id = r.lenient_string({"event", "bot_id"});
    if (out.type == "user_change")
        read_changed_user(r, out);
    return out;
}

UrlVerification read_url_verification(const Reader& r) {
    return UrlVerification{r.string({"challenge"}, Need::required)};
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

// The `payload=` field of an interactivity request.
ParseResult parse_interactivity(std::string_view text) {
    json doc;
    std::string problem;
    const auto type = parse_typed_object(text, doc, problem);
    if (!type) {
        return ParseError{"interactivity payload: " + problem};
    }
    if (*type == "block_actions") {
        return read_document(doc, read_block_actions);
    }
    if (*type == "view_submission") {
        return read_document(doc, read_view_submission);
    }
    if (*type == "view_closed") {
        return read_document(doc, read_view_closed);
    }
    return ParseError{"unsupported interactivity payload type: " + quoted_for_error(*type)};
}

ParseResult parse_slash_command(const Form& form) {
    const auto field = [&](std::string_view key) {
        return std::string{form.get(key).value_or("")};
    };
    for (const std::string_view key : {"command", "user_id", "channel_id"}) {
        if (!form.contains(key)) {
            return ParseError{"missing field " + std::string{key}};
        }
    }
    // Slack sends a trigger with every slash command; a request without one is not Slack's.
    if (field("trigger_id").empty()) {
        return ParseError{"missing field trigger_id"};
    }
    return Payload{SlashCommand{
        .team_id = field("team_id"),
        .channel_id = field("channel_id"),
        .channel_name = field("channel_name"),
        .user_id = field("user_id"),
        .command = field("command"),
        .text = field("text"),
        .trigger_id = field("trigger_id"),
        .response_url = field("response_url"),
    }};
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
    if (*type == "event_callback") {
        return read_document(doc, read_event_callback);
    }
    if (*type == "url_verification") {
        return read_document(doc, read_url_verification);
    }
    return ParseError{"unsupported Events API type: " + quoted_for_error(*type)};
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

std::string_view kind_of(const Payload& payload) {
    return std::visit(KindName{}, payload);
}

} // namespace cocbot::slack
