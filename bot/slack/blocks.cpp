// File: bot/slack/blocks.cpp
#include "bot/slack/blocks.hpp"

#include "core/overloaded.hpp"
#include "core/report.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace cocbot::slack {

using nlohmann::json;

namespace {

json plain(std::string_view text) {
    return {{"type", "plain_text"}, {"text", text}};
}

json mrkdwn(std::string_view text) {
    return {{"type", "mrkdwn"}, {"text", text}};
}

json section(std::string_view text) {
    return {{"type", "section"}, {"text", mrkdwn(text)}};
}

json context(std::string_view text) {
    return {{"type", "context"}, {"elements", json::array({mrkdwn(text)})}};
}

json button(std::string_view action_id, std::string_view label, std::string_view value,
            std::string_view style = {}) {
    json b{{"type", "button"}, {"action_id", action_id}, {"text", plain(label)}, {"value", value}};
    if (!style.empty())
        b["style"] = style;
    return b;
}

json option(std::string_view value, std::string_view label) {
    return {{"text", plain(label)}, {"value", value}};
}

// Every input is optional for Slack, so that cocbot's own validation answers with one voice
// (response_action: errors) and a phone report can be typed in any order.
json input(std::string_view id, std::string_view label, json element, std::string_view hint = {}) {
    element["action_id"] = id;
    json block{{"type", "input"},
               {"block_id", id},
               {"label", plain(label)},
               {"optional", true},
               {"element", std::move(element)}};
    if (!hint.empty())
        block["hint"] = plain(hint);
    return block;
}

json text_input(bool multiline = false) {
    return {{"type", "plain_text_input"},
            {"multiline", multiline},
            {"max_length", core::max_text_length}};
}

std::string reported_label(const core::ReportedPerson& person) {
    if (person.user.empty())
        return escape(person.name);
    std::string label = "<@" + person.user.value + ">";
    if (!person.name.empty())
        label += " (" + escape(person.name) + ")";
    return label;
}

RenderedMessage render_prompt(const core::TriagePrompt& prompt) {
    const std::string question =
        "*" + reported_label(prompt.reported) + "* has been reported (via " +
        std::string{core::describe(prompt.source)} + "). Who does not have a conflict of interest?";
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
    return {question, json::array({section(question), context(status), std::move(actions)})};
}

RenderedMessage render_alert(const core::DangerAlert& alert) {
    const std::string headline =
        ":rotating_light: *Immediate danger reported* (incident " + alert.incident.value + ")";
    std::string details;
    if (!alert.location.empty())
        details += "*Where:* " + escape(alert.location) + "\n";
    if (!alert.safety.venue_security.empty())
        details += "*Venue security:* " + escape(alert.safety.venue_security) + "\n";
    if (!alert.safety.crisis_line.empty())
        details += "*Crisis line:* " + escape(alert.safety.crisis_line) + "\n";
    details += "Only call law enforcement if the reporter asks you to. Any responder may act "
               "now, without a vote.";
    return {"Immediate danger reported (incident " + alert.incident.value + ")",
            json::array({section(headline), section(details)})};
}

std::string mentions(const std::vector<core::UserId>& people) {
    std::string text;
    for (const auto& p : people)
        text += (text.empty() ? "" : " ") + std::string{"<@"} + p.value + ">";
    return text;
}

// In the workspace time zone: the service sets the process's TZ from workspace.timezone.
std::string format_time(core::Time t) {
    const auto seconds = static_cast<std::time_t>(t.time_since_epoch().count());
    std::tm local{};
    localtime_r(&seconds, &local);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M %Z", &local);
    return buffer;
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
        (d.submitted_by.empty() ? std::string{} : ", taken by <@" + d.submitted_by.value + ">") +
        "\n*Where and when:* " + or_dash(r.location) + "\n*Flags:* " + flag_list(r.flags) +
        "\n*Received:* " + format_time(d.filed_at);
    const std::string headline = "*Report " + d.incident.value + "*";
    return {"Report " + d.incident.value,
            json::array({section(headline), section(fields),
                         section("*What happened:*\n" + escape(r.description))})};
}

json owner_select(std::string_view action_id, std::string_view placeholder,
                  const core::UserId& current) {
    json select{
        {"type", "users_select"}, {"action_id", action_id}, {"placeholder", plain(placeholder)}};
    if (!current.empty())
        select["initial_user"] = current.value;
    return select;
}

RenderedMessage render_panel(const core::ControlPanel& p) {
    const auto person = [](const core::UserId& u) {
        return u.empty() ? std::string{"not named yet"} : "<@" + u.value + ">";
    };
    std::string text = "*Incident " + p.incident.value +
                       "* · status: " + std::string{core::to_string(p.status)} + " · " +
                       std::to_string(p.cleared) + " cleared member" + (p.cleared == 1 ? "" : "s") +
                       "\n*Primary owner:* " + person(p.primary_owner) + "\n*Secondary owner:* " +
                       person(p.secondary_owner);
    if (p.primary_owner.empty() && p.secondary_owner.empty())
        text += "\n*Responsible until owners are named:* " +
                (p.responsible.empty() ? std::string{"the committee"} : person(p.responsible));
    json owners{
        {"type", "actions"},
        {"block_id", std::string{ids::incident_block_prefix} + p.incident.value},
        {"elements",
         json::array({owner_select(ids::owner_primary, "Primary owner", p.primary_owner),
                      owner_select(ids::owner_secondary, "Secondary owner", p.secondary_owner)})}};
    json buttons = json::array();
    if (p.awaiting_acknowledgement)
        buttons.push_back(button(ids::ack_reporter, "Reporter acknowledged", p.incident.value));
    if (p.reporter_reachable)
        buttons.push_back(
            button(ids::reporter_followup, "Follow up with reporter", p.incident.value));
    buttons.push_back(
        p.reported_missing
            ? button(ids::reported_found, "Reported person found", p.incident.value)
            : button(ids::cannot_find, "Cannot find reported person", p.incident.value));
    buttons.push_back(button(ids::immediate_action, "Record immediate action", p.incident.value));
    buttons.push_back(button(ids::recuse, "Recuse myself", p.incident.value, "danger"));
    json actions{{"type", "actions"}, {"block_id", "incident_actions"}, {"elements", buttons}};
    return {"Incident " + p.incident.value + " control",
            json::array({section(text), std::move(owners), std::move(actions)})};
}

RenderedMessage render_escrow(const core::EscrowNotice& n) {
    const std::string text =
        "There " +
        std::string{n.count == 1 ? "is 1 escrowed report"
                                 : "are " + std::to_string(n.count) + " escrowed reports"} +
        " about the same person. The owners can activate them to share them here.";
    return {text, json::array({section(text),
                               json{{"type", "actions"},
                                    {"block_id", "escrow"},
                                    {"elements", json::array({button(ids::activate_escrow,
                                                                     "Activate escrowed reports",
                                                                     n.incident.value)})}}})};
}

RenderedMessage render_channel_notice(const core::ChannelNotice& n) {
    // core's own words may carry mentions; what a person typed is escaped and quoted.
    const std::string prefix = mentions(n.mention);
    std::string text = prefix.empty() ? n.text : prefix + " " + n.text;
    if (!n.quote.empty())
        for (std::string_view rest = n.quote; !rest.empty();) {
            const auto end = rest.find('\n');
            text += "\n>" + escape(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        }
    return {text, json::array({section(text)})};
}

RenderedMessage render_deadline(const core::DeadlineReminder& r) {
    const std::string when = format_time(r.due);
    std::string text = mentions(r.mention);
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
    return {notice.text, json::array({section(escape(notice.text))})};
}

} // namespace

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

RenderedMessage render(const core::Message& message) {
    return std::visit(core::overloaded{
                          [](const core::TriagePrompt& m) { return render_prompt(m); },
                          [](const core::DangerAlert& m) { return render_alert(m); },
                          [](const core::ReportDetails& m) { return render_details(m); },
                          [](const core::ControlPanel& m) { return render_panel(m); },
                          [](const core::EscrowNotice& m) { return render_escrow(m); },
                          [](const core::ChannelNotice& m) { return render_channel_notice(m); },
                          [](const core::DeadlineReminder& m) { return render_deadline(m); },
                          [](const core::Notice& m) { return render_notice(m); },
                      },
                      message);
}

json report_modal() {
    json sources = json::array();
    for (auto s : {core::Source::slack, core::Source::phone, core::Source::in_person,
                   core::Source::email, core::Source::web_form, core::Source::other})
        sources.push_back(option(core::to_string(s), core::describe(s)));
    json source_select{
        {"type", "static_select"}, {"options", sources}, {"initial_option", sources[0]}};

    const json flag_options = json::array({
        option("anonymous", "Anonymous: store no name, contact or Slack id of the reporter"),
        option("escrow", "Escrow: keep it on record, act only if the behaviour repeats"),
        option("immediate_danger", "Immediate danger: alert the committee now"),
        option("involves_employee", "Involves an employee"),
        option("no_updates", "The reporter wants no further updates"),
    });

    json blocks = json::array({
        section("Everything you enter is seen only by committee members without a conflict of "
                "interest."),
        input(ids::reported_user, "Who was reported?", {{"type", "users_select"}}),
        input(ids::reported_name, "Or their name, if they are not on Slack", text_input()),
        input(ids::description, "What happened?", text_input(true)),
        input(ids::location, "Where and when?", text_input()),
        input(ids::source, "How did the report come in?", std::move(source_select)),
        input(ids::reporter_name, "Reporter's name", text_input(),
              "Leave empty for an anonymous report."),
        input(ids::reporter_contact, "Reporter's contact", text_input(),
              "Phone, email, whatever they are comfortable giving."),
        input(ids::flags, "This report", {{"type", "checkboxes"}, {"options", flag_options}}),
    });
    return {{"type", "modal"},
            {"callback_id", ids::report_callback},
            {"title", plain("Code of Conduct report")},
            {"submit", plain("Submit report")},
            {"close", plain("Cancel")},
            {"blocks", std::move(blocks)}};
}

json immediate_action_modal(std::string_view incident) {
    json element = text_input(true);
    return {{"type", "modal"},
            {"callback_id", ids::immediate_action_callback},
            {"private_metadata", incident},
            {"title", plain("Immediate action")},
            {"submit", plain("Record")},
            {"close", plain("Cancel")},
            {"blocks", json::array({section("What did you do, and why could it not wait? It is "
                                            "recorded in incident " +
                                            std::string{incident} + "."),
                                    input(ids::action, "Action taken", std::move(element))})}};
}

namespace {

std::string summary_line(const core::IncidentSummary& s) {
    std::string line = "*" + s.id.value + "* · " + reported_label(s.reported) + " · " +
                       std::string{core::to_string(s.status)};
    if (!s.channel.empty())
        line += " · <#" + s.channel.value + ">";
    return line;
}

std::string pending_line(const core::PendingDeclaration& p) {
    return "*" + p.id.value + "* · " + reported_label(p.reported) + " (via " +
           std::string{core::describe(p.source)} +
           "): do you have a conflict of interest? Answer on the prompt.";
}

} // namespace

std::string list_text(const core::Overview& overview) {
    if (overview.open.empty() && overview.pending.empty())
        return "You have no open incidents and no unanswered conflict questions.";
    std::string text;
    if (!overview.open.empty()) {
        text += "*Your incidents*";
        for (const auto& s : overview.open)
            text += "\n• " + summary_line(s);
    }
    if (!overview.pending.empty()) {
        text += std::string{text.empty() ? "" : "\n"} + "*Waiting for your answer*";
        for (const auto& p : overview.pending)
            text += "\n• " + pending_line(p);
    }
    return text;
}

namespace {

std::string time_left(core::Time due, core::Time now) {
    if (due <= now)
        return "overdue";
    const auto left = std::chrono::duration_cast<std::chrono::minutes>(due - now);
    const auto days = left.count() / (24 * 60), hours = left.count() / 60 % 24,
               minutes = left.count() % 60;
    std::string text = "in ";
    if (days > 0)
        text += std::to_string(days) + "d ";
    if (days > 0 || hours > 0)
        text += std::to_string(hours) + "h ";
    return text + std::to_string(minutes) + "m";
}

std::string deadline_line(const core::Reminder& r, core::Time now) {
    std::string what = "Acknowledge the reporter";
    if (r.kind == core::ReminderKind::owners_missing)
        what = "Name the owners";
    else if (r.kind == core::ReminderKind::decision_overdue)
        what = "Tell the reporter the decision";
    else if (r.kind == core::ReminderKind::reporter_update)
        what = "Update the reporter";
    return what + " by " + format_time(r.due) + " (" + time_left(r.due, now) + ")";
}

} // namespace

std::string status_text(const core::IncidentSummary& s, core::Time now) {
    const auto person = [](const core::UserId& u) {
        return u.empty() ? std::string{"not named yet"} : "<@" + u.value + ">";
    };
    std::string text = summary_line(s) + "\nReceived " + format_time(s.filed_at) +
                       "\nPrimary owner: " + person(s.primary_owner) +
                       " · secondary owner: " + person(s.secondary_owner);
    if (s.primary_owner.empty() && s.secondary_owner.empty())
        text += "\nResponsible until owners are named: " +
                (s.responsible.empty() ? std::string{"the committee"} : person(s.responsible));
    for (const auto& deadline : s.deadlines)
        text += "\n:alarm_clock: " + deadline_line(deadline, now);
    return text;
}

std::string unknown_incident_text(std::string_view reference) {
    return "There is no incident " + escape(reference) +
           " that you can see. `/coc list` shows yours.";
}

json home_view(const core::Overview& overview) {
    json blocks = json::array({json{{"type", "header"}, {"text", plain("Code of Conduct")}}});
    blocks.push_back(section("*Your incidents*"));
    if (overview.open.empty())
        blocks.push_back(context("None open."));
    for (const auto& s : overview.open)
        blocks.push_back(section(summary_line(s)));
    blocks.push_back(section("*Waiting for your answer*"));
    if (overview.pending.empty())
        blocks.push_back(context("Nothing."));
    for (const auto& p : overview.pending)
        blocks.push_back(
            json{{"type", "section"},
                 {"text", mrkdwn(pending_line(p))},
                 {"accessory", button(ids::conflict_none, "No conflict", p.id.value)}});
    blocks.push_back(context("Use `/coc report` to make a report."));
    return {{"type", "home"}, {"blocks", std::move(blocks)}};
}

json followup_modal(std::string_view incident) {
    const json decision_option =
        option(ids::decision, "This told the reporter the committee's decision");
    return {{"type", "modal"},
            {"callback_id", ids::followup_callback},
            {"private_metadata", incident},
            {"title", plain("Reporter follow-up")},
            {"submit", plain("Record")},
            {"close", plain("Cancel")},
            {"blocks", json::array({section("What did you tell the reporter in incident " +
                                            std::string{incident} + ", and how?"),
                                    input(ids::note, "What was communicated", text_input(true)),
                                    input(ids::decision, "Decision",
                                          {{"type", "checkboxes"},
                                           {"options", json::array({decision_option})}})})}};
}

json confirmation_modal(std::string_view text) {
    return {{"type", "modal"},
            {"title", plain("Report received")},
            {"close", plain("Close")},
            {"blocks", json::array({section(escape(text))})}};
}

std::string help_text() {
    return "*cocbot* runs the Code of Conduct committee's incident response plan.\n"
           "• `/coc report`: make a report, or take one on someone's behalf. Only committee "
           "members without a conflict of interest will see it.\n"
           "• `/coc list`: the incidents you are cleared for, and conflict questions you have "
           "not answered.\n"
           "• `/coc status <reference>`: where an incident stands.\n"
           "• `/coc help`: this message.\n"
           "If someone is in immediate danger, tick *Immediate danger* in the report: the "
           "committee is alerted at once.";
}

} // namespace cocbot::slack
