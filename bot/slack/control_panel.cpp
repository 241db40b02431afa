// File: bot/slack/control_panel.cpp
// An incident's control message: where it stands, its owners, and a button for each step the
// plan offers in that state.
#include "bot/slack/control_panel.hpp"

#include "bot/slack/ids.hpp"
#include "bot/slack/kit.hpp"
#include "bot/slack/labels.hpp"

namespace cocbot::slack {

using kit::add_actions;
using kit::button;
using kit::plain;
using kit::section;
using nlohmann::json;

namespace {

json owner_select(std::string_view action_id, std::string_view placeholder,
                  const core::UserId& current) {
    json select{
        {"type", "users_select"}, {"action_id", action_id}, {"placeholder", plain(placeholder)}};
    if (!current.empty())
        select["initial_user"] = current.value;
    return select;
}

std::string panel_text(const core::ControlPanel& p) {
    std::string text = "*Incident " + p.incident.value + "* · status: " + status_label(p.status) +
                       " · " + std::to_string(p.cleared) + " cleared member" +
                       (p.cleared == 1 ? "" : "s");
    if (p.status == core::Status::triage)
        text += " · " + std::to_string(p.open_motions) + " open motion" +
                (p.open_motions == 1 ? "" : "s");
    text += "\n*Primary owner:* " + owner_label(p.primary_owner) + "\n*Secondary owner:* " +
            owner_label(p.secondary_owner);
    if (p.primary_owner.empty() && p.secondary_owner.empty())
        text += "\n*Responsible until owners are named:* " +
                (p.responsible.empty() ? std::string{"the committee"} : owner_label(p.responsible));
    if (p.hr_involved == core::HrScope::informing)
        text += "\n*HR* informs the committee in HR's own channel, which shows nothing of the "
                "report; the committee decides.";
    else if (p.hr_involved == core::HrScope::employees_only)
        text += "\n*HR* has taken the incident over, in HR's own channel, and reports back: record "
                "it here.";
    if (p.kept)
        text += "\n*Records kept* beyond the retention periods, by a vote.";
    if (p.hr_declined)
        text += "\nHR takes no action: the committee may re-open the incident and re-evaluate it.";
    return text;
}

// The plan's standard motions, put to a vote from the control message.
json motion_buttons(const core::ControlPanel& p) {
    const auto& ref = p.incident.value;
    json buttons = json::array();
    if (p.status == core::Status::triage) {
        buttons.push_back(button(ids::motion_violation, "Motion: is it a violation?", ref));
        buttons.push_back(button(ids::motion_plan, "Motion: behaviour plan", ref));
        buttons.push_back(button(ids::motion_consequences, "Motion: consequences", ref));
        buttons.push_back(button(ids::motion_refusal, "Motion: if the plan is refused", ref));
        if (!p.kept)
            buttons.push_back(button(ids::motion_keep, "Motion: keep the records", ref));
    }
    if (p.escrow_pending)
        buttons.push_back(button(ids::activate_escrow, "Motion: share escrowed reports", ref));
    return buttons;
}

json hr_buttons(const core::ControlPanel& p) {
    const auto& ref = p.incident.value;
    json buttons = json::array();
    if (!p.hr_involved && p.hr_configured)
        buttons.push_back(button(ids::hr_involve, "Involve HR", ref));
    if (p.hr_involved) {
        buttons.push_back(button(ids::ask_hr, "Ask HR", ref));
        buttons.push_back(button(ids::hr_info, "Record HR's information", ref));
        buttons.push_back(button(ids::hr_done, "HR done", ref));
    }
    if (p.hr_involved == core::HrScope::employees_only)
        buttons.push_back(button(ids::hr_report, "Record HR's report", ref));
    return buttons;
}

json incident_buttons(const core::ControlPanel& p) {
    const auto& ref = p.incident.value;
    json buttons = json::array();
    if (p.name_matched)
        buttons.push_back(button(ids::not_committee_member, "Not a committee member", ref));
    if (p.awaiting_acknowledgement)
        buttons.push_back(button(ids::ack_reporter, "Reporter acknowledged", ref));
    if (p.reporter_reachable)
        buttons.push_back(button(ids::reporter_followup, "Follow up with reporter", ref));
    buttons.push_back(p.reported_missing
                          ? button(ids::reported_found, "Reported person found", ref)
                          : button(ids::cannot_find, "Cannot find reported person", ref));
    buttons.push_back(button(ids::immediate_action, "Record immediate action", ref));
    buttons.push_back(button(ids::record_conversation, "Record the conversation", ref));
    for (const auto& b : hr_buttons(p))
        buttons.push_back(b);
    buttons.push_back(button(ids::law_enforcement, "Law enforcement", ref));
    buttons.push_back(button(ids::show_timeline, "Show timeline", ref));
    buttons.push_back(button(ids::resolve, "Resolve", ref));
    if (p.status == core::Status::handed_off && p.hr_declined)
        buttons.push_back(button(ids::reopen, "Re-open (vote)", ref));
    buttons.push_back(button(ids::recuse, "Recuse myself", ref, "danger"));
    return buttons;
}

// A resolved incident can only be read back and re-opened by a vote.
json resolved_buttons(const core::ControlPanel& p) {
    const auto& ref = p.incident.value;
    return json::array({button(ids::show_timeline, "Show timeline", ref),
                        button(ids::reopen, "Re-open (vote)", ref, "primary"),
                        button(ids::recuse, "Recuse myself", ref, "danger")});
}

} // namespace

RenderedMessage render_panel(const core::ControlPanel& p) {
    json blocks = json::array({section(panel_text(p))});
    if (p.status == core::Status::resolved) {
        add_actions(blocks, "incident_actions", resolved_buttons(p));
        return {"Incident " + p.incident.value + " control", std::move(blocks)};
    }
    blocks.push_back(
        {{"type", "actions"},
         {"block_id", incident_block_id(p.incident)},
         {"elements",
          json::array(
              {owner_select(ids::owner_primary, "Primary owner", p.primary_owner),
               owner_select(ids::owner_secondary, "Secondary owner", p.secondary_owner)})}});
    add_actions(blocks, "incident_motions", motion_buttons(p));
    add_actions(blocks, "incident_actions", incident_buttons(p));
    return {"Incident " + p.incident.value + " control", std::move(blocks)};
}

} // namespace cocbot::slack
