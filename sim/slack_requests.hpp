// File: sim/slack_requests.hpp
// What Slack sends a bot, as tests build it: the report modal's state, other modals' inputs,
// and the bodies of slash commands, interactions and events, shaped like Slack's own.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace cocbot::sim {

// The fields of the report modal, as a person fills them in.
struct ReportInput {
    std::string reported_user;
    std::string reported_name;
    std::string description;
    std::string location;
    std::string reporter_name;
    std::string reporter_contact;
    std::string source = "slack";
    std::vector<std::string> flags;
    std::vector<std::string> excluded_members; // committee members who must not see it
    std::string whereabouts;                   // where the reporter is now
    std::string appearance;                    // what they are wearing
    std::string prefer_member;                 // the member the reporter would rather talk to
};

// view.state.values exactly as Slack sends them for the report modal.
nlohmann::json report_state(const ReportInput& input);

// One input's value in view.state.values, as Slack sends it for each element type.
namespace input {
nlohmann::json text(const std::string& value); // plain_text_input
// radio_buttons or static_select
nlohmann::json choice(const std::string& value, const std::string& type = "radio_buttons");
// checkboxes or multi_static_select; ticking nothing is an empty list
nlohmann::json choices(const std::vector<std::string>& values,
                       const std::string& type = "checkboxes");
nlohmann::json user(const std::string& id);                // users_select
nlohmann::json users(const std::vector<std::string>& ids); // multi_users_select
} // namespace input

// view.state.values of an incident modal, whose inputs are named block_id = action_id:
// modal_values({{"text", input::text("...")}}).
nlohmann::json modal_values(const std::vector<std::pair<std::string, nlohmann::json>>& inputs);

// The fields of `/coc <text>` typed by `user` in `channel` (a Socket Mode envelope's payload),
// and the form body they make over HTTP.
nlohmann::json slash_command_fields(const std::string& user, const std::string& channel,
                                    const std::string& text, const std::string& trigger);
std::string slash_command_body(const std::string& user, const std::string& channel,
                               const std::string& text, const std::string& trigger);

// A view_submission of the report modal `view_id` (its hash is fixed, as on a resubmission).
nlohmann::json report_submission(const std::string& user, const std::string& view_id,
                                 const ReportInput& input);
// A view_submission of any other modal: callback id, private_metadata and values.
nlohmann::json view_submission(const std::string& user, const std::string& callback_id,
                               const std::string& private_metadata, const nlohmann::json& values);

// block_actions: a button pressed in a message in `channel`.
nlohmann::json button_click(const std::string& user, const std::string& action_id,
                            const std::string& value, const std::string& channel,
                            const std::string& message_ts = "1.0");
// block_actions: a users_select in an actions block named `block_id`.
nlohmann::json user_selection(const std::string& user, const std::string& action_id,
                              const std::string& block_id, const std::string& selected,
                              const std::string& channel);

// Events API envelopes: a member_joined_channel or member_left_channel event, app_home_opened.
nlohmann::json channel_event(const std::string& event_id, const std::string& type,
                             const std::string& user, const std::string& channel,
                             std::int64_t event_time);
nlohmann::json home_opened_event(const std::string& event_id, const std::string& user,
                                 std::int64_t event_time);

} // namespace cocbot::sim
