// File: drill/audience.cpp
#include "drill/audience.hpp"

#include "drill/cast.hpp"
#include "sim/slack_args.hpp"

namespace cocbot::drill {

using nlohmann::json;

namespace {

std::string arg(const json& args, const char* key) {
    const auto it = args.find(key);
    return it != args.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// A conversation that is someone's direct messages: "U1" as Slack takes it, or "DU1".
std::optional<std::string> dm_user(const std::string& channel) {
    if (channel.starts_with('U'))
        return channel;
    if (channel.starts_with("DU"))
        return channel.substr(1);
    return std::nullopt;
}

std::set<std::string> users_in(const std::string& comma_separated) {
    const auto users = sim::fake::split_commas(comma_separated);
    return {users.begin(), users.end()};
}

} // namespace

std::string trigger_for(const std::string& user, int number) {
    return "trigger-" + user + "-" + std::to_string(number);
}

std::string user_of_trigger(const std::string& trigger) {
    const auto first = trigger.find('-');
    const auto last = trigger.rfind('-');
    if (first == std::string::npos || last <= first)
        return {};
    return trigger.substr(first + 1, last - first - 1);
}

Audience::Audience(std::map<std::string, std::set<std::string>> channels, ChannelNames names)
    : members_(std::move(channels)), ever_(members_), names_(std::move(names)) {}

std::set<std::string>& Audience::members_of(const std::string& channel) {
    const auto known = members_.find(channel);
    if (known != members_.end())
        return known->second;
    return members_[channel] = {cast::anyone};
}

std::set<std::string> Audience::ever_in(const std::string& channel) const {
    const auto found = ever_.find(channel);
    return found == ever_.end() ? std::set<std::string>{} : found->second;
}

std::optional<Sighting> Audience::sighting(const sim::RecordedCall& call) {
    if (call.method.starts_with("chat.") || call.method.starts_with("views."))
        return posted(call);
    return changed(call);
}

std::optional<Sighting> Audience::posted(const sim::RecordedCall& call) {
    const auto& args = call.args;
    Sighting seen;
    seen.content = args;
    const auto channel = arg(args, "channel");
    if (call.method == "chat.postMessage" || call.method == "chat.update") {
        if (const auto user = dm_user(channel)) {
            seen.audience = {*user, cast::bot};
            seen.where = "a direct message to " + name_of(*user);
        } else {
            seen.audience = members_of(channel);
            seen.where = channel_label(channel);
            seen.channel = channel;
        }
        // A post's own id comes back in Slack's answer; an update names it.
        const auto& named = call.method == "chat.update" ? args : call.answer;
        if (named.is_object())
            seen.message = arg(named, "channel") + "/" + arg(named, "ts");
        if (call.method == "chat.update")
            seen.note = "(updated)";
        return seen;
    }
    if (call.method == "chat.postEphemeral") {
        seen.audience = {arg(args, "user")};
        seen.where = "only " + name_of(arg(args, "user")) + " sees, in " + channel_label(channel);
        return seen;
    }
    if (call.method == "views.open" || call.method == "views.publish") {
        const auto user = call.method == "views.open" ? user_of_trigger(arg(args, "trigger_id"))
                                                      : arg(args, "user_id");
        seen.kind = Sighting::Kind::view;
        seen.audience = {user};
        seen.where = name_of(user) + (call.method == "views.open" ? "'s form" : "'s App Home");
        seen.content = args.value("view", json::object());
        return seen;
    }
    return std::nullopt;
}

std::optional<Sighting> Audience::changed(const sim::RecordedCall& call) {
    const auto channel = arg(call.args, "channel");
    Sighting seen;
    seen.kind = Sighting::Kind::channel;
    seen.where = channel_label(channel);
    // What Slack refused changed nothing.
    if (!call.answer.is_object() || !call.answer.value("ok", false))
        return std::nullopt;
    if (call.method == "conversations.create") {
        const auto made = call.answer.value("channel", json::object()).value("id", "");
        members_[made] = ever_[made] = {cast::bot}; // a channel cocbot made holds it alone
        seen.where = "#" + arg(call.args, "name");
        seen.note = "created, private";
    } else if (call.method == "conversations.invite") {
        const auto added = users_in(arg(call.args, "users"));
        members_of(channel).insert(added.begin(), added.end());
        ever_[channel].insert(added.begin(), added.end());
        seen.note = names_of(added) + (added.size() == 1 ? " is" : " are") + " added";
    } else if (call.method == "conversations.kick") {
        members_of(channel).erase(arg(call.args, "user"));
        seen.note = name_of(arg(call.args, "user")) + " is removed";
    } else if (call.method == "conversations.archive") {
        seen.note = "archived: it keeps the record, and nothing more can be posted";
    } else {
        return std::nullopt;
    }
    return seen;
}

Sighting Audience::answer(const std::string& user, const json& payload) const {
    Sighting seen;
    seen.kind = payload.contains("view") ? Sighting::Kind::view : Sighting::Kind::message;
    seen.audience = {user};
    seen.where = name_of(user) + " gets the answer";
    seen.content = payload.contains("view") ? payload["view"] : payload;
    return seen;
}

std::string Audience::channel_label(const std::string& channel) const {
    if (dm_user(channel))
        return "their direct messages with cocbot";
    const auto name = names_(channel);
    return "#" + (name ? *name : channel);
}

} // namespace cocbot::drill
