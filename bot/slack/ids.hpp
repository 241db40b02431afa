// File: bot/slack/ids.hpp
// The Slack UI's identifiers (callback, block and action ids) and the values buttons carry: the
// names that messages, modals and the readers of Slack's payloads must agree on.
#pragma once

#include "core/ids.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

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
inline constexpr std::string_view excluded_members = "excluded_members";
inline constexpr std::string_view prefer_member = "prefer_member";
inline constexpr std::string_view reporter_whereabouts = "reporter_whereabouts";
inline constexpr std::string_view reporter_appearance = "reporter_appearance";
inline constexpr std::string_view conflict_none = "conflict_none";
inline constexpr std::string_view conflict_declared = "conflict_declared";
inline constexpr std::string_view recuse = "recuse";
inline constexpr std::string_view reporter_conflict_none = "reporter_conflict_none";
inline constexpr std::string_view owner_primary = "owner_primary";
inline constexpr std::string_view owner_secondary = "owner_secondary";
inline constexpr std::string_view immediate_action = "immediate_action";
inline constexpr std::string_view activate_escrow = "activate_escrow";
inline constexpr std::string_view motion_keep = "motion_keep";
inline constexpr std::string_view ack_reporter = "ack_reporter";
inline constexpr std::string_view not_committee_member = "not_committee_member";
inline constexpr std::string_view cannot_find = "cannot_find";
inline constexpr std::string_view reported_found = "reported_found";
inline constexpr std::string_view reporter_followup = "reporter_followup";
inline constexpr std::string_view followup_callback = "coc_reporter_followup";
inline constexpr std::string_view note = "note";
inline constexpr std::string_view decision = "decision";
inline constexpr std::string_view immediate_action_callback = "coc_immediate_action";
inline constexpr std::string_view motion_plan_callback = "coc_motion_plan";
inline constexpr std::string_view motion_consequences_callback = "coc_motion_consequences";
inline constexpr std::string_view motion_refusal_callback = "coc_motion_refusal";
inline constexpr std::string_view hr_involve_callback = "coc_hr_involve";
inline constexpr std::string_view hr_report_callback = "coc_hr_report";
inline constexpr std::string_view ask_hr_callback = "coc_ask_hr";
inline constexpr std::string_view hr_info_callback = "coc_hr_info";
inline constexpr std::string_view law_enforcement_callback = "coc_law_enforcement";
inline constexpr std::string_view conversation_callback = "coc_conversation";
inline constexpr std::string_view resolve_callback = "coc_resolve";
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
inline constexpr std::string_view ask_hr = "ask_hr";
inline constexpr std::string_view hr_info = "hr_info";
inline constexpr std::string_view law_enforcement = "law_enforcement";
inline constexpr std::string_view record_conversation = "record_conversation";
inline constexpr std::string_view resolve = "resolve";
inline constexpr std::string_view reopen = "reopen";
inline constexpr std::string_view show_timeline = "show_timeline";
inline constexpr std::string_view show_report = "show_report";
inline constexpr std::string_view danger_responding = "danger_responding";
// The incident modals' inputs (block_id = action_id), named like core's fields.
inline constexpr std::string_view text = "text";
inline constexpr std::string_view consequences = "consequences";
inline constexpr std::string_view scope = "scope";
inline constexpr std::string_view finding = "finding";
inline constexpr std::string_view plan = "plan";
inline constexpr std::string_view taking_action = "taking_action";
inline constexpr std::string_view question = "question";
inline constexpr std::string_view information = "information";
inline constexpr std::string_view past = "past";
inline constexpr std::string_view reporter_asked = "reporter_asked";
inline constexpr std::string_view talkers = "talkers";
inline constexpr std::string_view behaviour = "behaviour";
inline constexpr std::string_view context = "context";
inline constexpr std::string_view impact = "impact";
inline constexpr std::string_view call_in = "call_in";
inline constexpr std::string_view accepted = "accepted";
inline constexpr std::string_view apology = "apology";
inline constexpr std::string_view resolution = "resolution";
inline constexpr std::string_view category = "category";
inline constexpr std::string_view outcome = "outcome";
inline constexpr std::string_view reported_role = "reported_role";
inline constexpr std::string_view cannot_anonymise = "cannot_anonymise";
// Selects carry no value: their actions block is named "incident:<ref>" instead.
// The committee governing itself.
inline constexpr std::string_view committee_remove_callback = "coc_committee_remove";
inline constexpr std::string_view committee_remove = "committee_remove"; // App Home's button
inline constexpr std::string_view subject = "subject";
inline constexpr std::string_view reason = "reason";
inline constexpr std::string_view farewell = "message";
inline constexpr std::string_view checkin_continue = "checkin_continue";
inline constexpr std::string_view checkin_step_down = "checkin_step_down";
inline constexpr std::string_view removal_remove = "removal_remove"; // value: the motion's id
inline constexpr std::string_view removal_keep = "removal_keep";
inline constexpr std::string_view admission_yes = "admission_yes";
inline constexpr std::string_view admission_no = "admission_no";
inline constexpr std::string_view offboard_done = "offboard_done"; // value: the checklist item

inline constexpr std::string_view incident_block_prefix = "incident:";
} // namespace ids

// A motion's ballot buttons carry "<incident>/<number>".
std::string motion_value(const core::IncidentId& incident, int number);
std::optional<std::pair<core::IncidentId, int>> parse_motion_value(std::string_view value);

// The actions block that holds an incident's selects: "incident:<ref>".
std::string incident_block_id(const core::IncidentId& incident);

} // namespace cocbot::slack
