// File: bot/slack/blocks.hpp
// Block Kit rendering of what core says, and the views cocbot opens. Pure functions to JSON.
#pragma once

#include "core/messages.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cocbot::slack {

// Slack UI identifiers that tests and users rely on (DESIGN.md §3).
namespace ids {
inline constexpr std::string_view report_callback = "coc_report";
inline constexpr std::string_view reported_user = "reported_user";
inline constexpr std::string_view reported_name = "reported_name";
inline constexpr std::string_view description = "description";
inline constexpr std::string_view location = "location";
inline constexpr std::string_view reporter_name = "reporter_name";
inline constexpr std::string_view reporter_contact = "reporter_contact";
inline constexpr std::string_view source = "source";
inline constexpr std::string_view flags = "flags";
inline constexpr std::string_view conflict_none = "conflict_none";
inline constexpr std::string_view conflict_declared = "conflict_declared";
} // namespace ids

// A message as chat.postMessage takes it: `text` is the notification fallback.
struct RenderedMessage {
    std::string text;
    nlohmann::json blocks;
};

RenderedMessage render(const core::Message& message);

// The intake modal of `/coc report` (callback_id coc_report, block_id = action_id).
nlohmann::json report_modal();

// What replaces the modal once a report is filed: private to the submitter, never stored.
nlohmann::json confirmation_modal(std::string_view text);

// `/coc help`, and the answer to anything `/coc` does not understand.
std::string help_text();

// Escapes the three characters Slack's mrkdwn treats as control characters.
std::string escape(std::string_view text);

} // namespace cocbot::slack
