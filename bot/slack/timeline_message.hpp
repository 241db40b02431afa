// File: bot/slack/timeline_message.hpp
// An incident's record in one message: sections within Slack's limits, newest lines kept.
#pragma once

#include "bot/slack/messages.hpp"

namespace cocbot::slack {

RenderedMessage render_timeline(const core::Timeline& message);

} // namespace cocbot::slack
