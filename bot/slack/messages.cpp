// File: bot/slack/messages.cpp
// The messages of the committee channel, an incident's channel and direct messages, one core
// message kind each; the control panel, motions and the timeline have files of their own.
#include "bot/slack/messages.hpp"

#include "bot/slack/control_panel.hpp"
#include "bot/slack/governance_messages.hpp"
#include "bot/slack/ids.hpp"
#include "bot/slack/kit.hpp"
#include "bot/slack/labels.hpp"
#include "bot/slack/motion_message.hpp"
#include "bot/slack/mrkdwn.hpp"
#include "bot/slack/timeline_message.hpp"
#include "core/overloaded.hpp"

namespace cocbot::slack {

using kit::button;
using kit::context;
using kit::section;
using nlohmann::json;

namespace {

RenderedMessage render_prompt(const core::TriagePrompt& prompt) {
    const std::string how = prompt.pattern ? "a pattern of escrowed reports"
                                           : "via " + std::string{core::describe(prompt.source)};
    const std::string question = "*" + reported_label(prompt.reported) + "* has been reported (" +
                                 how + "). Who does not have a conflict of interest?";
    const std::string status = "Incident " + prompt.incident.value + " · " +
                               std::to_string(prompt.answered) + " of " +
                               std::to_string(prompt.committee_size) +
                               " members have answered. You never need to say why.";
    json actions{
        {"type", "actions"},
        {"block_id", "conflict"},
        {"elements",
         json::array(
             {button(ids::conflict_none, "No conflict", prompt.incident.value, "primary"),
              button(ids::conflict_declared, "I have a conflict", prompt.incident.value)})}};
    // A reported name typed by a person may be long: the question takes as many sections as it
    // needs.
    json blocks = json::array();
    kit::add_sections(blocks, question);
    blocks.push_back(context(status));
    blocks.push_back(std::move(actions));
    return {question, std::move(blocks)};
}

RenderedMessage render_alert(const core::DangerAlert& alert) {
    const std::string headline =
        ":rotating_light: *Immediate danger reported* (incident " + alert.incident.value + ")";
    std::string details;
    if (!alert.location.empty())
        details += "*Where:* " + escape(alert.location) + "\n";
    if (!alert.whereabouts.empty())
        details += "*The reporter is now at:* " + escape(alert.whereabouts) + "\n";
    if (!alert.appearance.empty())
        details += "*The reporter is wearing:* " + escape(alert.appearance) + "\n";
    if (!alert.safety.venue_security.empty())
        details += "*Venue security:* " + escape(alert.safety.venue_security) + "\n";
    if (!alert.safety.crisis_line.empty())
        details += "*Crisis line:* " + escape(alert.safety.crisis_line) + "\n";
    details += alert.wants_police ? "*The reporter asks for law enforcement to be called.* "
                                  : "Only call law enforcement if the reporter asks you to. ";
    details += "Any responder may act now, without a vote.";
    json blocks = json::array({section(headline)});
    kit::add_sections(blocks, details);
    if (!alert.responding.empty())
        blocks.push_back(context("Responding: " + user_links(alert.responding)));
    const auto& ref = alert.incident.value;
    blocks.push_back(
        {{"type", "actions"},
         {"block_id", "danger"},
         {"elements",
          json::array({button(ids::danger_responding, "I'm responding", ref, "danger"),
                       button(ids::immediate_action, "Record immediate action", ref)})}});
    return {"Immediate danger reported (incident " + alert.incident.value + ")", std::move(blocks)};
}

std::string flag_list(const core::Flags& flags) {
    std::string text;
    const auto add = [&](bool on, std::string_view name) {
        if (on)
            text += (text.empty() ? "" : ", ") + std::string{name};
    };
    add(flags.anonymous, "anonymous");
    add(flags.escrow, "escrow");
    add(flags.immediate_danger, "immediate danger");
    add(flags.involves_employee, "involves an employee");
    add(flags.no_updates, "reporter wants no further updates");
    add(flags.content_warning, "content warning");
    add(flags.wants_police, "reporter asks for law enforcement");
    return text.empty() ? "none" : text;
}

std::string or_dash(const std::string& text) {
    return text.empty() ? "—" : escape(text);
}

RenderedMessage render_details(const core::ReportDetails& d) {
    const auto& r = d.report;
    std::string reporter;
    if (r.flags.anonymous)
        reporter = "anonymous (nothing identifying was stored; follow-up is impossible)";
    else
        reporter = or_dash(r.reporter_name) + " · contact: " + or_dash(r.reporter_contact);
    const std::string fields =
        "*Reported:* " + reported_label(r.reported) + "\n*Reporter:* " + reporter +
        "\n*Came in via:* " + std::string{core::describe(r.source)} +
        (d.submitted_by.empty() ? std::string{} : ", taken by " + user_link(d.submitted_by)) +
        "\n*Where and when:* " + or_dash(r.location) +
        (r.whereabouts.empty() ? std::string{} : "\n*Reporter now at:* " + escape(r.whereabouts)) +
        (r.appearance.empty() ? std::string{} : "\n*Reporter wearing:* " + escape(r.appearance)) +
        "\n*Flags:* " + flag_list(r.flags) +
        (r.preferred.empty() ? std::string{}
                             : "\n*Would rather talk to:* " + user_link(r.preferred)) +
        "\n*Received:* " + format_time(d.filed_at);
    const std::string headline = "*Report " + d.incident.value + "*";
    // What people typed may fill a section on its own: each part takes the sections it needs.
    json blocks = json::array({section(headline)});
    kit::add_sections(blocks, fields);
    kit::add_sections(blocks, "*What happened:*\n" + escape(r.description));
    return {"Report " + d.incident.value, std::move(blocks)};
}

// Nothing of the report but its reference: the details go only to whoever presses the button.
RenderedMessage render_veiled(const core::VeiledReport& v) {
    const std::string text = "*Report " + v.incident.value +
                             "* · The reporter asked for a content warning: the details are "
                             "shown only to you when you ask, and to nobody else.";
    json actions{
        {"type", "actions"},
        {"block_id", "veiled_report"},
        {"elements", json::array({button(ids::show_report, "Show the report", v.incident.value)})}};
    return {"Report " + v.incident.value + " (content warning)",
            json::array({section(text), std::move(actions)})};
}

RenderedMessage render_escrow(const core::EscrowNotice& n) {
    const std::string text =
        "There " +
        std::string{n.count == 1 ? "is 1 escrowed report"
                                 : "are " + std::to_string(n.count) + " escrowed reports"} +
        " about the same person. Any member here can propose to share them in this channel; a "
        "majority decides.";
    return {text, json::array({section(text),
                               json{{"type", "actions"},
                                    {"block_id", "escrow"},
                                    {"elements", json::array({button(ids::activate_escrow,
                                                                     "Propose to share them",
                                                                     n.incident.value)})}}})};
}

RenderedMessage render_channel_notice(const core::ChannelNotice& n) {
    // What a person typed is escaped and quoted beneath cocbot's words.
    const std::string prefix = user_links(n.mention);
    std::string text = prefix.empty() ? to_mrkdwn(n.text) : prefix + " " + to_mrkdwn(n.text);
    if (!n.quote.empty())
        for (std::string_view rest = n.quote; !rest.empty();) {
            const auto end = rest.find('\n');
            text += "\n>" + escape(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        }
    json blocks = json::array();
    kit::add_sections(blocks, text);
    return {text, std::move(blocks)};
}

RenderedMessage render_deadline(const core::DeadlineReminder& r) {
    const std::string when = format_time(r.due);
    std::string text = user_links(r.mention);
    text += text.empty() ? "" : " ";
    switch (r.kind) {
    case core::ReminderKind::acknowledge_soon:
        text += ":alarm_clock: The reporter of incident " + r.incident.value +
                " must be acknowledged by " + when +
                ". Press *Reporter acknowledged* on the control message once they are.";
        break;
    case core::ReminderKind::acknowledge_due:
        text += ":rotating_light: The deadline to acknowledge the reporter of incident " +
                r.incident.value + " passed at " + when + ". Acknowledge them now.";
        break;
    case core::ReminderKind::decision_overdue:
        text += ":hourglass: The committee's decision on incident " + r.incident.value +
                " was due to reach the reporter by " + when +
                ". Tell the reporter it will take longer, and record it with *Follow up with "
                "reporter*.";
        break;
    case core::ReminderKind::reporter_update:
        text += "The reported person in incident " + r.incident.value +
                " has still not been found: update the reporter, and record it with *Follow up "
                "with reporter*.";
        break;
    case core::ReminderKind::hr_report_due:
        text += "HR has not yet reported back on incident " + r.incident.value +
                ", which was handed off to it. Ask HR for its report (whether it was a Code of "
                "Conduct violation, the behavioural modification plan, the consequences), and "
                "record it with *Record HR's report*.";
        break;
    case core::ReminderKind::owners_missing:
    case core::ReminderKind::conflict_nudge:
        text += "Incident " + r.incident.value +
                " still has no owners. Name a primary and a secondary owner on the control "
                "message.";
        break;
    }
    return {text, json::array({section(text)})};
}

RenderedMessage render_notice(const core::Notice& notice) {
    json blocks = json::array();
    std::string text = to_mrkdwn(notice.text);
    kit::add_sections(blocks, text);
    return {std::move(text), std::move(blocks)};
}

// By direct message, naming only the incident: the reporter is in its channel, not here.
RenderedMessage render_reporter_conflict(const core::ReporterConflictPrompt& prompt) {
    const std::string& ref = prompt.incident.value;
    const std::string question = "You can now see who reported incident " + ref +
                                 ". Do you have a conflict of interest with the reporter?";
    json actions{{"type", "actions"},
                 {"block_id", "reporter_conflict"},
                 {"elements", json::array({button(ids::reporter_conflict_none,
                                                  "No conflict with the reporter", ref, "primary"),
                                           button(ids::recuse, "Recuse myself", ref, "danger")})}};
    return {question, json::array({section(question),
                                   context("You never need to say why. Recusing removes you "
                                           "from the incident's channel."),
                                   std::move(actions)})};
}

// By direct message to an HR contact, before HR sees anything: who was reported, why HR is
// asked, and where HR would read; no detail.
RenderedMessage render_hr_conflict(const core::HrConflictPrompt& prompt) {
    const std::string& ref = prompt.incident.value;
    const std::string question =
        "The Code of Conduct committee asks HR's help with a report about *" +
        reported_label(prompt.reported) + "* (incident " + ref +
        "). Before you see anything of it: do you have a conflict of interest?";
    const std::string where =
        prompt.scope == core::HrScope::employees_only
            ? "Only employees are involved: this is a hand-off. If you have no conflict, you are "
              "added to HR's private channel for it, which holds the report."
            : "If you have no conflict, you are added to HR's private channel for it, where the "
              "committee's members ask what they need. You will not see the report itself.";
    json actions{
        {"type", "actions"},
        {"block_id", "conflict"},
        {"elements", json::array({button(ids::conflict_none, "No conflict", ref, "primary"),
                                  button(ids::conflict_declared, "I have a conflict", ref)})}};
    json blocks = json::array();
    kit::add_sections(blocks, question);
    blocks.push_back(context(where + " You never need to say why."));
    blocks.push_back(std::move(actions));
    return {question, std::move(blocks)};
}

} // namespace

RenderedMessage render(const core::Message& message) {
    return std::visit(
        core::overloaded{
            [](const core::TriagePrompt& m) { return render_prompt(m); },
            [](const core::DangerAlert& m) { return render_alert(m); },
            [](const core::ReportDetails& m) { return render_details(m); },
            [](const core::ControlPanel& m) { return render_panel(m); },
            [](const core::EscrowNotice& m) { return render_escrow(m); },
            [](const core::ChannelNotice& m) { return render_channel_notice(m); },
            [](const core::DeadlineReminder& m) { return render_deadline(m); },
            [](const core::Notice& m) { return render_notice(m); },
            [](const core::MotionMessage& m) { return render_motion(m); },
            [](const core::Timeline& m) { return render_timeline(m); },
            [](const core::ReporterConflictPrompt& m) { return render_reporter_conflict(m); },
            [](const core::HrConflictPrompt& m) { return render_hr_conflict(m); },
            [](const core::CommitteeBallot& m) { return render_ballot(m); },
            [](const core::CheckInPrompt& m) { return render_check_in(m); },
            [](const core::OffboardChecklist& m) { return render_checklist(m); },
            [](const core::Farewell& m) { return render_farewell(m); },
            [](const core::VeiledReport& m) { return render_veiled(m); },
        },
        message);
}

} // namespace cocbot::slack
