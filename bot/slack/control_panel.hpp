// File: bot/slack/control_panel.hpp
// An incident's control message, by the incident's state.
#pragma once

#include "bot/slack/messages.hpp"

namespace cocbot::slack {

RenderedMessage render_panel(const core::ControlPanel& message);

} // namespace cocbot::slack
