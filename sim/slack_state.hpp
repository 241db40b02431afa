// File: sim/slack_state.hpp
// The fake Slack's model of a workspace as cocbot sees it: messages, channels and their
// members, opened views. Plain code, no I/O and not thread-safe: FakeSlack holds the lock.
#pragma once

#include "sim/fake_slack.hpp"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::sim::fake {

using json = nlohmann::json;

inline constexpr std::string_view bot_user = "UBOT"; // the bot's own user id

// Answers each Web API method as Slack would, from and to this state (see answers()).
class SlackState {
public:
    using Message = FakeSlack::Message;
    struct Channel {
        std::string id, name;
        bool is_private = true;
        bool archived = false;
        std::set<std::string> members;
    };

    json handle(std::string_view method, const json& args);

    void add_channel(Channel channel) { channels_[channel.id] = std::move(channel); }
    // A message someone else posted: plain text, no metadata.
    void add_message(std::string channel, std::string text) {
        auto ts = next_ts();
        messages_.push_back({std::move(channel), std::move(ts), std::move(text), {}, {}});
    }
    // users.info's real name for a user; "User <id>" when not set.
    std::map<std::string, std::string> real_names;
    std::set<std::string> deactivated; // users.info says deleted: true
    std::set<std::string> unknown;     // users.info says user_not_found
    std::size_t history_page_cap = 0;  // 0: a page holds `limit` messages, as asked
    std::vector<Message> messages(const std::string& channel) const;
    std::optional<std::string> channel_id(std::string_view name) const;
    std::optional<std::string> channel_name(std::string_view id) const;
    std::set<std::string> members(std::string_view id) const;
    bool remove_member(std::string_view id, std::string_view user);
    std::set<std::string> archived_channels() const;
    const std::vector<json>& opened_views() const { return opened_views_; }

private:
    using Answer = json (SlackState::*)(const json&);
    static const std::map<std::string_view, Answer>& answers();

    json auth_test(const json&);
    json post_message(const json& args);
    json update_message(const json& args);
    json post_ephemeral(const json& args);
    json history(const json& args);
    json create(const json& args);
    json invite(const json& args);
    json kick(const json& args);
    json list_members(const json& args);
    json archive(const json& args);
    json info(const json& args);
    json list(const json& args);
    json open_dm(const json& args);
    json open_view(const json& args);
    json publish_view(const json& args);
    json user_info(const json& args);

    std::string next_ts();
    std::string next_id(char prefix) {
        char id[16];
        std::snprintf(id, sizeof id, "%c%08d", prefix, ++id_counter_);
        return id;
    }
    Channel* find_channel(const std::string& id) {
        const auto it = channels_.find(id);
        return it == channels_.end() ? nullptr : &it->second;
    }
    static json channel_json(const Channel& channel);
    static json message_json(const Message& message, bool with_metadata);

    std::map<std::string, Channel> channels_;
    std::vector<Message> messages_; // in posting order
    std::vector<json> opened_views_;
    long long ts_counter_ = 0;
    int id_counter_ = 0;
};

} // namespace cocbot::sim::fake
