// File: sim/slack_requests.cpp
#include "sim/slack_requests.hpp"

#include "sim/slack_signer.hpp"

namespace cocbot::sim {

using nlohmann::json;

namespace input {

json text(const std::string& value) {
    return {{"type", "plain_text_input"}, {"value", value.empty() ? json(nullptr) : json(value)}};
}

json choice(const std::string& value, const std::string& type) {
    return {{"type", type},
            {"selected_option",
             {{"text", {{"type", "plain_text"}, {"text", value}}}, {"value", value}}}};
}

json choices(const std::vector<std::string>& values, const std::string& type) {
    json selected = json::array();
    for (const auto& v : values)
        selected.push_back({{"text", {{"type", "plain_text"}, {"text", v}}}, {"value", v}});
    return {{"type", type}, {"selected_options", selected}};
}

json user(const std::string& id) {
    return {{"type", "users_select"}, {"selected_user", id.empty() ? json(nullptr) : json(id)}};
}

json users(const std::vector<std::string>& ids) {
    return {{"type", "multi_users_select"}, {"selected_users", ids}};
}

} // namespace input

json modal_values(const std::vector<std::pair<std::string, json>>& inputs) {
    json values = json::object();
    for (const auto& [id, value] : inputs)
        values[id] = {{id, value}};
    return values;
}

json report_state(const ReportInput& in) {
    return modal_values({
        {"reported_user", input::user(in.reported_user)},
        {"reported_name", input::text(in.reported_name)},
        {"description", input::text(in.description)},
        {"location", input::text(in.location)},
        {"reporter_name", input::text(in.reporter_name)},
        {"reporter_contact", input::text(in.reporter_contact)},
        {"source", input::choice(in.source, "static_select")},
        {"flags", input::choices(in.flags)},
        {"excluded_members", input::users(in.excluded_members)},
        {"reporter_whereabouts", input::text(in.whereabouts)},
        {"reporter_appearance", input::text(in.appearance)},
        {"prefer_member", input::user(in.prefer_member)},
    });
}

json slash_command_fields(const std::string& user, const std::string& channel,
                          const std::string& text, const std::string& trigger) {
    return {{"token", "deprecated"},
            {"team_id", "T0001"},
            {"team_domain", "example"},
            {"channel_id", channel},
            {"channel_name", channel == "C0GENERAL" ? "general" : "privategroup"},
            {"user_id", user},
            {"user_name", "someone"},
            {"command", "/coc"},
            {"text", text},
            {"api_app_id", "A0001"},
            {"response_url", "https://hooks.slack.com/commands/T0001/1/x"},
            {"trigger_id", trigger}};
}

std::string slash_command_body(const std::string& user, const std::string& channel,
                               const std::string& text, const std::string& trigger) {
    const auto fields = slash_command_fields(user, channel, text, trigger);
    std::vector<std::pair<std::string, std::string>> form;
    for (const auto& [key, value] : fields.items())
        form.emplace_back(key, value.get<std::string>());
    return form_body(form);
}

json report_submission(const std::string& user, const std::string& view_id,
                       const ReportInput& input) {
    return {
        {"type", "view_submission"},
        {"team", {{"id", "T0001"}, {"domain", "example"}}},
        {"user", {{"id", user}, {"username", "someone"}, {"team_id", "T0001"}}},
        {"api_app_id", "A0001"},
        {"token", "deprecated"},
        {"trigger_id", "trigger-2"},
        {"view",
         {{"id", view_id},
          {"team_id", "T0001"},
          {"type", "modal"},
          {"callback_id", "coc_report"},
          {"private_metadata", ""},
          {"hash", "1.abc"},
          {"state", {{"values", report_state(input)}}}}},
        {"response_urls", json::array()},
    };
}

json view_submission(const std::string& user, const std::string& callback_id,
                     const std::string& private_metadata, const json& values) {
    return {{"type", "view_submission"},
            {"team", {{"id", "T0001"}}},
            {"user", {{"id", user}, {"team_id", "T0001"}}},
            {"trigger_id", "trigger-5"},
            {"view",
             {{"id", "V0002"},
              {"type", "modal"},
              {"callback_id", callback_id},
              {"private_metadata", private_metadata},
              {"state", {{"values", values}}}}}};
}

json button_click(const std::string& user, const std::string& action_id, const std::string& value,
                  const std::string& channel, const std::string& message_ts) {
    return {
        {"type", "block_actions"},
        {"team", {{"id", "T0001"}, {"domain", "example"}}},
        {"user", {{"id", user}, {"username", "someone"}, {"team_id", "T0001"}}},
        {"api_app_id", "A0001"},
        {"token", "deprecated"},
        {"trigger_id", "trigger-3"},
        {"container",
         {{"type", "message"},
          {"message_ts", message_ts},
          {"channel_id", channel},
          {"is_ephemeral", false}}},
        {"channel", {{"id", channel}, {"name", "committee"}}},
        {"response_url", "https://hooks.slack.com/actions/T0001/1/x"},
        {"actions", json::array({{{"action_id", action_id},
                                  {"block_id", "conflict"},
                                  {"type", "button"},
                                  {"value", value},
                                  {"action_ts", "1.1"}}})},
    };
}

json user_selection(const std::string& user, const std::string& action_id,
                    const std::string& block_id, const std::string& selected,
                    const std::string& channel) {
    return {
        {"type", "block_actions"},
        {"team", {{"id", "T0001"}}},
        {"user", {{"id", user}, {"team_id", "T0001"}}},
        {"trigger_id", "trigger-4"},
        {"container", {{"type", "message"}, {"message_ts", "1.0"}, {"channel_id", channel}}},
        {"channel", {{"id", channel}}},
        {"actions", json::array({{{"action_id", action_id},
                                  {"block_id", block_id},
                                  {"type", "users_select"},
                                  {"selected_user", selected},
                                  {"action_ts", "1.1"}}})},
    };
}

json channel_event(const std::string& event_id, const std::string& type, const std::string& user,
                   const std::string& channel, std::int64_t event_time) {
    return {{"type", "event_callback"},
            {"team_id", "T0001"},
            {"event_id", event_id},
            {"event_time", event_time},
            {"event",
             {{"type", type},
              {"user", user},
              {"channel", channel},
              {"channel_type", "G"},
              {"team", "T0001"}}}};
}

json home_opened_event(const std::string& event_id, const std::string& user,
                       std::int64_t event_time) {
    return {
        {"type", "event_callback"},
        {"team_id", "T0001"},
        {"event_id", event_id},
        {"event_time", event_time},
        {"event",
         {{"type", "app_home_opened"}, {"user", user}, {"channel", "D0HOME"}, {"tab", "home"}}}};
}

} // namespace cocbot::sim
