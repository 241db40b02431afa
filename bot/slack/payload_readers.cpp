// File: bot/slack/payload_readers.cpp
#include "bot/slack/payload_readers.hpp"

#include <cstddef>
#include <string>

namespace cocbot::slack::readers {
namespace {

using json = nlohmann::json;
using Need = JsonReader::Need;
using Reader = JsonReader;

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

} // namespace

BlockActions block_actions(const Reader& r) {
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

ViewSubmission view_submission(const Reader& r) {
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

ViewClosed view_closed(const Reader& r) {
    ViewClosed out;
    out.team_id = r.string({"team", "id"}, Need::optional);
    out.user_id = r.string({"user", "id"}, Need::required);
    out.view_id = r.string({"view", "id"}, Need::required);
    out.callback_id = r.string({"view", "callback_id"}, Need::required);
    out.private_metadata = r.string({"view", "private_metadata"}, Need::optional);
    out.is_cleared = r.boolean({"is_cleared"});
    return out;
}

EventCallback event_callback(const Reader& r) {
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

UrlVerification url_verification(const Reader& r) {
    return UrlVerification{r.string({"challenge"}, Need::required)};
}

} // namespace cocbot::slack::readers
