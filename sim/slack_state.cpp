// File: sim/slack_state.cpp
// SlackState's dispatch, and its answers about messages, views and users.
#include "sim/slack_state.hpp"

#include "sim/block_kit_limits.hpp"
#include "sim/slack_args.hpp"

#include <algorithm>
#include <chrono>
#include <climits>

namespace cocbot::sim::fake {

const std::map<std::string_view, SlackState::Answer>& SlackState::answers() {
    static const std::map<std::string_view, Answer> table{
        {"auth.test", &SlackState::auth_test},
        {"chat.postMessage", &SlackState::post_message},
        {"chat.update", &SlackState::update_message},
        {"chat.postEphemeral", &SlackState::post_ephemeral},
        {"conversations.history", &SlackState::history},
        {"conversations.create", &SlackState::create},
        {"conversations.invite", &SlackState::invite},
        {"conversations.kick", &SlackState::kick},
        {"conversations.members", &SlackState::list_members},
        {"conversations.archive", &SlackState::archive},
        {"conversations.info", &SlackState::info},
        {"conversations.list", &SlackState::list},
        {"conversations.open", &SlackState::open_dm},
        {"views.open", &SlackState::open_view},
        {"views.publish", &SlackState::publish_view},
        {"views.update", &SlackState::publish_view},
        {"users.info", &SlackState::user_info},
    };
    return table;
}

json SlackState::handle(std::string_view method, const json& args) {
    const auto it = answers().find(method);
    return it == answers().end() ? slack_error("unknown_method") : (this->*(it->second))(args);
}

std::string SlackState::next_ts() {
    // As on Slack, a message's ts is when it was posted (made unique and increasing).
    const long long wall = std::chrono::duration_cast<std::chrono::microseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
    ts_counter_ = std::max(wall, ts_counter_ + 100);
    const long long micros = ts_counter_;
    char ts[32];
    std::snprintf(ts, sizeof ts, "%lld.%06lld", micros / 1'000'000, micros % 1'000'000);
    return ts;
}

json SlackState::message_json(const Message& message, bool with_metadata) {
    json out{{"type", "message"},
             {"user", bot_user},
             {"bot_id", "BBOT"},
             {"text", message.text},
             {"ts", message.ts}};
    if (!message.blocks.is_null())
        out["blocks"] = message.blocks;
    if (with_metadata && !message.metadata.is_null())
        out["metadata"] = message.metadata;
    return out;
}

json SlackState::auth_test(const json&) {
    return {{"ok", true},
            {"url", "https://cocbot-test.slack.com/"},
            {"team", "cocbot test"},
            {"user", "cocbot"},
            {"team_id", "T0001"},
            {"user_id", bot_user},
            {"bot_id", "BBOT"}};
}

json SlackState::post_message(const json& args) {
    Message message{dm_for(text_arg(args, "channel")),
                    {},
                    text_arg(args, "text"),
                    json_arg(args, "blocks"),
                    json_arg(args, "metadata")};
    if (message.channel.empty())
        return slack_error("channel_not_found");
    const bool no_blocks = message.blocks.is_null() || message.blocks.empty();
    if (message.text.empty() && no_blocks)
        return slack_error("no_text");
    if (!message_blocks_fit(message.blocks))
        return slack_error("invalid_blocks");
    if (const Channel* channel = find_channel(message.channel)) {
        if (channel->archived)
            return slack_error("is_archived");
        if (!channel->members.contains(std::string(bot_user)))
            return slack_error("not_in_channel");
    }
    message.ts = next_ts();
    messages_.push_back(message);
    return {{"ok", true},
            {"channel", message.channel},
            {"ts", message.ts},
            {"message", message_json(message, true)}};
}

json SlackState::update_message(const json& args) {
    const auto channel = dm_for(text_arg(args, "channel"));
    const auto ts = text_arg(args, "ts");
    const auto it = std::find_if(messages_.begin(), messages_.end(), [&](const Message& m) {
        return m.channel == channel && m.ts == ts;
    });
    if (it == messages_.end())
        return slack_error(channel.empty() ? "channel_not_found" : "message_not_found");
    if (args.contains("blocks") && !message_blocks_fit(json_arg(args, "blocks")))
        return slack_error("invalid_blocks");
    if (args.contains("text"))
        it->text = text_arg(args, "text");
    if (args.contains("blocks"))
        it->blocks = json_arg(args, "blocks");
    if (args.contains("metadata"))
        it->metadata = json_arg(args, "metadata");
    return {{"ok", true},
            {"channel", channel},
            {"ts", ts},
            {"text", it->text},
            {"message", message_json(*it, true)}};
}

json SlackState::post_ephemeral(const json& args) {
    if (text_arg(args, "channel").empty())
        return slack_error("channel_not_found");
    if (const Channel* channel = find_channel(text_arg(args, "channel"));
        channel && channel->archived)
        return slack_error("is_archived");
    // As Slack does: an ephemeral reaches only a member of a channel the fake knows.
    const Channel* channel = find_channel(text_arg(args, "channel"));
    if (text_arg(args, "user").empty() ||
        (channel && channel->members.count(text_arg(args, "user")) == 0))
        return slack_error("user_not_in_channel");
    if (text_arg(args, "text").empty() && json_arg(args, "blocks").is_null())
        return slack_error("no_text");
    if (!message_blocks_fit(json_arg(args, "blocks")))
        return slack_error("invalid_blocks");
    return {{"ok", true}, {"message_ts", next_ts()}};
}

json SlackState::history(const json& args) {
    const auto channel = dm_for(text_arg(args, "channel"));
    if (channel.empty())
        return slack_error("channel_not_found");
    const bool with_metadata = flag_arg(args, "include_all_metadata");
    const auto limit =
        std::min(static_cast<std::size_t>(std::max(1LL, to_number(text_arg(args, "limit"), 100))),
                 history_page_cap == 0 ? SIZE_MAX : history_page_cap);
    const long long oldest = ts_micros(text_arg(args, "oldest"));
    // Newest first, a page at a time; the cursor is the ts the next page starts below.
    const auto cursor = text_arg(args, "cursor");
    const long long below = cursor.empty() ? LLONG_MAX : ts_micros(cursor);
    json out = json::array();
    std::string next_cursor;
    for (auto it = messages_.rbegin(); it != messages_.rend(); ++it) {
        const long long at = ts_micros(it->ts);
        if (it->channel != channel || at <= oldest || at >= below)
            continue;
        if (out.size() == limit) {
            next_cursor = out.back().value("ts", "");
            break;
        }
        out.push_back(message_json(*it, with_metadata));
    }
    return {{"ok", true},
            {"messages", out},
            {"has_more", !next_cursor.empty()},
            {"response_metadata", {{"next_cursor", next_cursor}}}};
}

json SlackState::open_view(const json& args) {
    if (text_arg(args, "trigger_id").empty())
        return slack_error("invalid_trigger_id");
    json view = json_arg(args, "view");
    if (!view.is_object())
        return slack_error("invalid_arguments");
    if (!view_fits(view))
        return slack_error("invalid_blocks");
    opened_views_.push_back(view);
    view["id"] = next_id('V');
    view["team_id"] = "T0001";
    view["state"] = {{"values", json::object()}};
    view["hash"] = "1700000000.abcdef";
    view["root_view_id"] = view["id"];
    view["bot_id"] = "BBOT";
    return {{"ok", true}, {"view", view}};
}

json SlackState::publish_view(const json& args) {
    json view = json_arg(args, "view");
    if (!view.is_object())
        return slack_error("invalid_arguments");
    if (!view_fits(view))
        return slack_error("invalid_blocks");
    view["id"] = text_arg(args, "view_id").empty() ? next_id('V') : text_arg(args, "view_id");
    return {{"ok", true}, {"view", view}};
}

json SlackState::user_info(const json& args) {
    const auto id = text_arg(args, "user");
    if (id.empty() || unknown.contains(id))
        return slack_error("user_not_found");
    std::string name = id;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto named = real_names.find(id);
    const std::string real_name = named != real_names.end() ? named->second : "User " + id;
    return {{"ok", true},
            {"user",
             {{"id", id},
              {"team_id", "T0001"},
              {"name", name},
              {"real_name", real_name},
              {"deleted", deactivated.contains(id)},
              {"is_bot", id == bot_user},
              {"profile", {{"real_name", real_name}, {"display_name", name}}}}}};
}

std::vector<FakeSlack::Message> SlackState::messages(const std::string& channel) const {
    std::vector<Message> out;
    std::copy_if(messages_.begin(), messages_.end(), std::back_inserter(out),
                 [&](const Message& m) { return m.channel == channel; });
    return out;
}

} // namespace cocbot::sim::fake
