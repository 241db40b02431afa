// File: bot/slack/blocks.hpp
// Block Kit rendering of what core says, and the views cocbot opens. Pure functions to JSON.
#pragma once

#include "core/messages.hpp"
#include "core/overview.hpp"

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
inline constexpr std::string_view recuse = "recuse";
inline constexpr std::string_view owner_primary = "owner_primary";
inline constexpr std::string_view owner_secondary = "owner_secondary";
inline constexpr std::string_view immediate_action = "immediate_action";
inline constexpr std::string_view activate_escrow = "activate_escrow";
inline constexpr std::string_view ack_reporter = "ack_reporter";
inline constexpr std::string_view cannot_find = "cannot_find";
inline constexpr std::string_view reported_found = "reported_found";
inline constexpr std::string_view reporter_followup = "reporter_followup";
inline constexpr std::string_view followup_callback = "coc_reporter_followup";
inline constexpr std::string_view note = "note";
inline constexpr std::string_view decision = "decision";
inline constexpr std::string_view immediate_action_callback = "coc_immediate_action";
inline constexpr std::string_view action = "action";
// Selects carry no value: their actions block is named "incident:<ref>" instead.
inline constexpr std::string_view incident_block_prefix = "incident:";
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

// The modal for recording an immediate action; the incident rides in private_metadata.
nlohmann::json immediate_action_modal(std::string_view incident);

// The modal for recording what was told to the reporter; the incident rides in private_metadata.
nlohmann::json followup_modal(std::string_view incident);

// `/coc list`: the caller's incidents and unanswered conflict questions.
std::string list_text(const core::Overview& overview);

// `/coc status <ref>` for someone cleared for it, with the time left on each open deadline.
std::string status_text(const core::IncidentSummary& summary, core::Time now);

// The answer for an unknown reference, and for one the caller may not see: the same words.
std::string unknown_incident_text(std::string_view reference);

// App Home: the member's open incidents and pending conflict declarations.
nlohmann::json home_view(const core::Overview& overview);

// `/coc help`, and the answer to anything `/coc` does not understand.
std::string help_text();

// Escapes the three characters Slack's mrkdwn treats as control characters.
std::string escape(std::string_view text);

} // namespace cocbot::slack
