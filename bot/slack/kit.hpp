// File: bot/slack/kit.hpp
// Block Kit's building blocks, shared by the messages, the private answers and the modals, and
// the limits Slack sets on what they hold.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

namespace cocbot::slack {

// Slack's limits for what cocbot renders (Block Kit reference).
namespace limits {
inline constexpr std::size_t section_text = 3000;
inline constexpr std::size_t message_blocks = 50;
inline constexpr std::size_t view_blocks = 100;
inline constexpr std::size_t actions_elements = 25;
} // namespace limits

namespace kit {
nlohmann::json plain(std::string_view text);
nlohmann::json mrkdwn(std::string_view text);
nlohmann::json section(std::string_view text);
nlohmann::json context(std::string_view text);
nlohmann::json button(std::string_view action_id, std::string_view label, std::string_view value,
                      std::string_view style = {});
nlohmann::json option(std::string_view value, std::string_view label);
nlohmann::json text_input(bool multiline = false);

// Whether Slack itself insists on an input (and does not label it "optional"). Core validates
// every submission again, so this only spares a round trip.
enum class Entry { optional, required };
// An input block named `id` (block_id = action_id = id).
nlohmann::json input(std::string_view id, std::string_view label, nlohmann::json element,
                     std::string_view hint = {}, Entry entry = Entry::optional);

// Appends `text` (mrkdwn) as as many sections as Slack's 3,000 characters a section take
// (split_mrkdwn); nothing for empty text.
void add_sections(nlohmann::json& blocks, std::string_view text);

// Appends `elements` as actions blocks named `block_id`, `block_id`_2, ...: Slack allows 25
// elements in one.
void add_actions(nlohmann::json& blocks, std::string_view block_id, const nlohmann::json& elements);
} // namespace kit

} // namespace cocbot::slack
