// File: drill/slack_text.hpp
// What a person reads in a Slack message or view, as plain lines for a terminal: the blocks'
// text (buttons as [labels]), mentions as names, Slack's escapes undone.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::drill {

// A channel's name from its id, when the workspace knows it.
using ChannelNames = std::function<std::optional<std::string>(std::string_view id)>;

// "<@UALICE> asked <#C1|coc-x> &amp; more" reads "@Alice asked #coc-x & more".
std::string readable(std::string_view mrkdwn, const ChannelNames& channels);

// A message's lines (chat.postMessage, chat.update, chat.postEphemeral arguments) or a view's
// (its title first). Empty lines are dropped.
std::vector<std::string> message_lines(const nlohmann::json& message, const ChannelNames& channels);
std::vector<std::string> view_lines(const nlohmann::json& view, const ChannelNames& channels);

} // namespace cocbot::drill
