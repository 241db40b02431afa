// File: bot/slack/motion_message.hpp
// A motion's message: the question whole, the tally, and the ballot buttons while it is open.
#pragma once

#include "bot/slack/messages.hpp"

namespace cocbot::slack {

RenderedMessage render_motion(const core::MotionMessage& message);

} // namespace cocbot::slack
