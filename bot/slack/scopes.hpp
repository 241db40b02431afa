// File: bot/slack/scopes.hpp
// The bot scopes cocbot needs, as deploy/slack-app-manifest*.yaml grant them (a test holds the
// two lists equal), and which of them a token lacks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cocbot::slack {

const std::vector<std::string_view>& bot_scopes();

// The needed scopes missing from Slack's x-oauth-scopes header ("chat:write,commands,...").
std::vector<std::string> missing_scopes(std::string_view granted);

} // namespace cocbot::slack
