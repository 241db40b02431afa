// File: sim/block_kit_limits.hpp
// The Block Kit limits real Slack enforces, so that the fake refuses what Slack refuses: a
// message or view over a limit gets {"ok":false,"error":"invalid_blocks"}, as from Slack.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>

namespace cocbot::sim::fake {

inline constexpr std::size_t max_section_text = 3000; // characters in a section's text
inline constexpr std::size_t max_message_blocks = 50;
inline constexpr std::size_t max_view_blocks = 100; // modals and App Home alike
inline constexpr std::size_t max_modal_title = 24;  // characters
inline constexpr std::size_t max_button_value = 2000;

// Whether Slack takes `blocks` in a message (chat.postMessage, chat.update, chat.postEphemeral).
bool message_blocks_fit(const nlohmann::json& blocks);
// Whether Slack takes `view` in views.open, views.update or views.publish.
bool view_fits(const nlohmann::json& view);

} // namespace cocbot::sim::fake
