// File: bot/slack/blocks.hpp
// Block Kit rendering of what core says, and the views cocbot opens. Pure functions to JSON.
#pragma once

#include "core/messages.hpp"
#include "core/overview.hpp"

#include <cstddef>
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
// The control message's decisions and the incident's later steps (DESIGN.md §3).
inline constexpr std::string_view motion_violation = "motion_violation";
inline constexpr std::string_view motion_plan = "motion_plan";
inline constexpr std::string_view motion_consequences = "motion_consequences";
inline constexpr std::string_view motion_refusal = "motion_refusal";
inline constexpr std::string_view ballot_yes = "ballot_yes"; // value: motion_value()
inline constexpr std::string_view ballot_no = "ballot_no";
inline constexpr std::string_view hr_involve = "hr_involve";
inline constexpr std::string_view hr_done = "hr_done";
inline constexpr std::string_view hr_report = "hr_report";
inline constexpr std::string_view law_enforcement = "law_enforcement";
inline constexpr std::string_view record_conversation = "record_conversation";
inline constexpr std::string_view resolve = "resolve";
inline constexpr std::string_view reopen = "reopen";
inline constexpr std::string_view show_timeline = "show_timeline";
// The incident modals' inputs (block_id = action_id), named like core's fields.
inline constexpr std::string_view text = "text";
inline constexpr std::string_view consequences = "consequences";
inline constexpr std::string_view scope = "scope";
inline constexpr std::string_view finding = "finding";
inline constexpr std::string_view plan = "plan";
inline constexpr std::string_view taking_action = "taking_action";
inline constexpr std::string_view reporter_asked = "reporter_asked";
inline constexpr std::string_view talkers = "talkers";
inline constexpr std::string_view behaviour = "behaviour";
inline constexpr std::string_view context = "context";
inline constexpr std::string_view impact = "impact";
inline constexpr std::string_view call_in = "call_in";
inline constexpr std::string_view accepted = "accepted";
inline constexpr std::string_view apology = "apology";
inline constexpr std::string_view resolution = "resolution";
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

// escape(text), cut at a character boundary so that it fits in `max_bytes` (an ellipsis marks
// the cut). Slack counts characters; bytes are never fewer, so the limit holds.
std::string escape_clipped(std::string_view text, std::size_t max_bytes);

// Slack's limits for what cocbot renders (Block Kit reference).
namespace limits {
inline constexpr std::size_t section_text = 3000;
inline constexpr std::size_t message_blocks = 50;
inline constexpr std::size_t actions_elements = 25;
} // namespace limits

// Block Kit building blocks, shared by the messages and the modals.
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
} // namespace kit

} // namespace cocbot::slack
