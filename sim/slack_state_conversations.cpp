// File: sim/slack_state_conversations.cpp
// SlackState's answers about conversations: channels, their members, direct messages.
#include "sim/slack_args.hpp"
#include "sim/slack_state.hpp"

#include <algorithm>

namespace cocbot::sim::fake {

namespace {

std::optional<std::string> invalid_channel_name(const std::string& name) {
    if (name.empty())
        return "invalid_name_required";
    if (name.size() > 80)
        return "invalid_name_maxlength";
    const bool valid = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    return valid ? std::nullopt : std::optional<std::string>("invalid_name_specials");
}

} // namespace

json SlackState::channel_json(const Channel& channel) {
    return {{"id", channel.id},
            {"name", channel.name},
            {"name_normalized", channel.name},
            {"is_channel", true},
            {"is_group", channel.is_private},
            {"is_private", channel.is_private},
            {"is_archived", channel.archived},
            {"is_member", channel.members.contains(std::string(bot_user))},
            {"creator", bot_user},
            {"created", 1700000000}};
}

json SlackState::create(const json& args) {
    const auto name = text_arg(args, "name");
    if (const auto invalid = invalid_channel_name(name))
        return slack_error(*invalid);
    if (channel_id(name))
        return slack_error("name_taken");
    const bool is_private = flag_arg(args, "is_private");
    Channel channel{
        next_id(is_private ? 'G' : 'C'), name, is_private, false, {std::string(bot_user)}};
    channels_[channel.id] = channel;
    return {{"ok", true}, {"channel", channel_json(channel)}};
}

json SlackState::invite(const json& args) {
    Channel* channel = find_channel(text_arg(args, "channel"));
    if (!channel)
        return slack_error("channel_not_found");
    if (channel->archived)
        return slack_error("is_archived");
    const auto users = split_commas(text_arg(args, "users"));
    if (users.empty())
        return slack_error("no_user");
    json errors = json::array();
    for (const auto& user : users) {
        const char* problem = user == bot_user                  ? "cant_invite_self"
                              : channel->members.contains(user) ? "already_in_channel"
                                                                : nullptr;
        if (problem)
            errors.push_back({{"user", user}, {"ok", false}, {"error", problem}});
    }
    // Without force, one bad user means nobody is invited.
    if (!errors.empty() && !flag_arg(args, "force")) {
        json out = slack_error(errors.front()["error"].get<std::string>());
        out["errors"] = errors;
        return out;
    }
    for (const auto& user : users)
        if (user != bot_user)
            channel->members.insert(user);
    json out{{"ok", true}, {"channel", channel_json(*channel)}};
    if (!errors.empty())
        out["errors"] = errors;
    return out;
}

json SlackState::kick(const json& args) {
    Channel* channel = find_channel(text_arg(args, "channel"));
    if (!channel)
        return slack_error("channel_not_found");
    const auto user = text_arg(args, "user");
    if (user == bot_user)
        return slack_error("cant_kick_self");
    if (channel->members.erase(user) == 0)
        return slack_error("not_in_channel");
    return {{"ok", true}};
}

json SlackState::list_members(const json& args) {
    const Channel* channel = find_channel(text_arg(args, "channel"));
    if (!channel)
        return slack_error("channel_not_found");
    return {
        {"ok", true}, {"members", channel->members}, {"response_metadata", {{"next_cursor", ""}}}};
}

json SlackState::archive(const json& args) {
    Channel* channel = find_channel(text_arg(args, "channel"));
    if (!channel)
        return slack_error("channel_not_found");
    if (channel->archived)
        return slack_error("already_archived");
    channel->archived = true;
    return {{"ok", true}};
}

json SlackState::info(const json& args) {
    const Channel* channel = find_channel(text_arg(args, "channel"));
    return channel ? json{{"ok", true}, {"channel", channel_json(*channel)}}
                   : slack_error("channel_not_found");
}

// The channels the bot is in, so a re-run that met name_taken can find its channel.
json SlackState::list(const json& args) {
    const bool exclude_archived = flag_arg(args, "exclude_archived");
    json out = json::array();
    for (const auto& [id, channel] : channels_)
        if (channel.members.contains(std::string(bot_user)) &&
            !(exclude_archived && channel.archived))
            out.push_back(channel_json(channel));
    return {{"ok", true}, {"channels", out}, {"response_metadata", {{"next_cursor", ""}}}};
}

json SlackState::open_dm(const json& args) {
    const auto users = split_commas(text_arg(args, "users"));
    if (users.empty())
        return slack_error("users_list_not_supplied");
    std::string id = users.size() == 1 ? "D" + users.front() : "G";
    for (std::size_t i = 0; users.size() > 1 && i < users.size(); ++i)
        id += users[i];
    return {{"ok", true}, {"channel", {{"id", id}}}};
}

std::optional<std::string> SlackState::channel_id(std::string_view name) const {
    for (const auto& [id, channel] : channels_)
        if (channel.name == name)
            return id;
    return std::nullopt;
}

std::optional<std::string> SlackState::channel_name(std::string_view id) const {
    const auto it = channels_.find(std::string(id));
    if (it == channels_.end())
        return std::nullopt;
    return it->second.name;
}

std::set<std::string> SlackState::members(std::string_view id) const {
    const auto it = channels_.find(std::string(id));
    return it == channels_.end() ? std::set<std::string>{} : it->second.members;
}

bool SlackState::remove_member(std::string_view id, std::string_view user) {
    const auto it = channels_.find(std::string(id));
    return it != channels_.end() && it->second.members.erase(std::string(user)) > 0;
}

std::set<std::string> SlackState::archived_channels() const {
    std::set<std::string> out;
    for (const auto& [id, channel] : channels_)
        if (channel.archived)
            out.insert(id);
    return out;
}

} // namespace cocbot::sim::fake
