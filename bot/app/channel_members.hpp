// File: bot/app/channel_members.hpp
// Everyone in a conversation, read page by page from conversations.members (bounded).
#pragma once

#include "bot/net.hpp"
#include "bot/slack/api.hpp"
#include "core/ids.hpp"

#include <string>
#include <vector>

namespace cocbot::app {

struct ChannelMembers {
    std::vector<core::UserId> members;
    // Slack's error, "unexpected_answer" or "too_many_pages"; empty when all were read.
    std::string error;
};

awaitable<ChannelMembers> channel_members(slack::Api& api, std::string channel);

} // namespace cocbot::app
