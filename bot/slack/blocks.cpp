// File: bot/slack/blocks.cpp
#include "bot/slack/blocks.hpp"

#include "bot/slack/to_command.hpp"
#include "core/overloaded.hpp"
#include "core/report.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace cocbot::slack {

using nlohmann::json;

namespace kit {

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
            std::string_view style) {
    json b{{"type", "button"}, {"action_id", action_id}, {"text", plain(label)}, {"value", value}};
    if (!style.empty())
        b["style"] = style;
    return b;
}

json option(std::string_view value, std::string_view label) {
    return {{"text", plain(label)}, {"value", value}};
}

json text_input(bool multiline) {
    return {{"type", "plain_text_input"},
            {"multiline", multiline},
            {"max_length", core::max_text_length}};
}

json input(std::string_view id, std::string_view label, json element, std::string_view hint,
           Entry entry) {
    element["action_id"] = id;
    json block{{"type", "input"},
               {"block_id", id},
               {"label", plain(label)},
               {"optional", entry == Entry::optional},
               {"element", std::move(element)}};
    if (!hint.empty())
        block["hint"] = plain(hint);
    return block;
}

} // namespace kit

namespace {

using kit::button;
using kit::context;
using kit::input;
using kit::mrkdwn;
using kit::option;
using kit::plain;
using kit::section;
using kit::text_input;

// Whether "<@U…>" and "<#C…>" in a text stay mentions (core's own words) or are escaped.
enum class Mentions { escape, keep };

std::size_t utf8_length(unsigned char lead) {
    return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// The length of a user or channel mention at the start of `text`, or 0.
std::size_t mention_length(std::string_view text) {
    if (text.size() < 4 || text[0] != '<' || (text[1] != '@' && text[1] != '#'))
        return 0;
    std::size_t i = 2;
    while (i < text.size() &&
           ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= '0' && text[i] <= '9')))
        ++i;
    return i > 2 && i < text.size() && text[i] == '>' ? i + 1 : 0;
}

// The text as Slack should see it, in pieces that must not be cut: one UTF-8 character
// (escaped), or a whole mention when mentions are kept.
template <typename Visit>
void for_each_piece(std::string_view text, Mentions mentions, Visit visit) {
    for (std::size_t i = 0; i < text.size();) {
        auto length = mentions == Mentions::keep ? mention_length(text.substr(i)) : 0;
        const bool mention = length > 0;
        if (!mention)
            length = utf8_length(static_cast<unsigned char>(text[i]));
        const auto piece = text.substr(i, length);
        if (!visit(mention ? std::string{piece} : escape(piece)))
            return;
        i += length;
    }
}

// Escaped, and cut to at most `max_bytes` with an ellipsis when it does not fit. Slack counts
// characters; bytes are never fewer, so the limit holds.
std::string clipped(std::string_view text, std::size_t max_bytes, Mentions mentions) {
    constexpr std::string_view ellipsis = "…";
    std::string whole;
    for_each_piece(text, mentions, [&](const std::string& piece) {
        whole += piece;
        return true;
    });
    if (whole.size() <= max_bytes)
        return whole;
    std::string out;
    for_each_piece(text, mentions, [&](const std::string& piece) {
        if (out.size() + piece.size() + ellipsis.size() > max_bytes)
            return false;
        out += piece;
        return true;
    });
    return out.size() + ellipsis.size() <= max_bytes ? out + std::string{ellipsis} : out;
}

// Escaped and split into parts of at most `max_bytes`, so that nothing a member votes on is
// cut off.
std::vector<std::string> escaped_parts(std::string_view text, std::size_t max_bytes) {
    std::vector<std::string> parts{std::string{}};
    for_each_piece(text, Mentions::escape, [&](const std::string& piece) {
        if (parts.back().size() + piece.size() > max_bytes)
            parts.emplace_back();
        parts.back() += piece;
        return true;
    });
    return parts;
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

std::string status_label(core::Status status) {
    return status == core::Status::handed_off ? std::string{"handed off to HR"}
                                              : std::string{core::to_string(status)};
}

// Slack allows 25 elements per actions block: longer rows continue in a second block.
void add_actions(json& blocks, std::string_view block_id, const json& elements) {
    for (std::size_t first = 0, part = 1; first < elements.size();
         first += limits::actions_elements, ++part) {
        const auto last = std::min(elements.size(), first + limits::actions_elements);
        json row = json::array();
        for (auto i = first; i < last; ++i)
            row.push_back(elements[i]);
        blocks.push_back(
            {{"type", "actions"},
             {"block_id", part == 1 ? std::string{block_id}
                                    : std::string{block_id} + "_" + std::to_string(part)},
             {"elements", std::move(row)}});
    }
}

std::string panel_text(const core::ControlPanel& p) {
    const auto person = [](const core::UserId& u) {
        return u.empty() ? std::string{"not named yet"} : "<@" + u.value + ">";
    };
    std::string text = "*Incident " + p.incident.value + "* · status: " + status_label(p.status) +
                       " · " + std::to_string(p.cleared) + " cleared member" +
                       (p.cleared == 1 ? "" : "s");
    if (p.status == core::Status::triage)
        text += " · " + std::to_string(p.open_motions) + " open motion" +
                (p.open_motions == 1 ? "" : "s");
    text += "\n*Primary owner:* " + person(p.primary_owner) + "\n*Secondary owner:* " +
            person(p.secondary_owner);
    if (p.primary_owner.empty() && p.secondary_owner.empty())
        text += "\n*Responsible until owners are named:* " +
                (p.responsible.empty() ? std::string{"the committee"} : person(p.responsible));
    if (p.hr_involved == core::HrScope::informing)
        text += "\n*HR* is in the channel to inform the committee; the committee decides.";
    else if (p.hr_involved == core::HrScope::employees_only)
        text += "\n*HR* has taken the incident over and reports back here.";
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
    if (p.hr_involved)
        buttons.push_back(button(ids::hr_done, "HR done", ref));
    if (p.hr_involved == core::HrScope::employees_only)
        buttons.push_back(button(ids::hr_report, "Record HR's report", ref));
    return buttons;
}

json incident_buttons(const core::ControlPanel& p) {
    const auto& ref = p.incident.value;
    json buttons = json::array();
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

RenderedMessage render_panel(const core::ControlPanel& p) {
    json blocks = json::array({section(panel_text(p))});
    if (p.status == core::Status::resolved) {
        add_actions(blocks, "incident_actions", resolved_buttons(p));
        return {"Incident " + p.incident.value + " control", std::move(blocks)};
    }
    blocks.push_back(
        {{"type", "actions"},
         {"block_id", std::string{ids::incident_block_prefix} + p.incident.value},
         {"elements",
          json::array(
              {owner_select(ids::owner_primary, "Primary owner", p.primary_owner),
               owner_select(ids::owner_secondary, "Secondary owner", p.secondary_owner)})}});
    add_actions(blocks, "incident_motions", motion_buttons(p));
    add_actions(blocks, "incident_actions", incident_buttons(p));
    return {"Incident " + p.incident.value + " control", std::move(blocks)};
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

std::string_view motion_label(core::MotionKind kind) {
    switch (kind) {
    case core::MotionKind::violation:
        return "violation";
    case core::MotionKind::plan:
        return "behavioural modification plan";
    case core::MotionKind::consequences:
        return "consequences";
    case core::MotionKind::refusal:
        return "if the plan is refused";
    case core::MotionKind::custom:
        return "vote";
    case core::MotionKind::activate_escrow:
        return "share escrowed reports";
    case core::MotionKind::reopen:
        return "re-open";
    }
    return "vote";
}

std::string voters(const std::vector<core::UserId>& people) {
    if (people.empty())
        return "nobody";
    std::string text;
    for (const auto& p : people)
        text += (text.empty() ? "<@" : ", <@") + p.value + ">";
    return text;
}

// "Yes: <@A>, <@B> · No: <@C> — 2 of 3 needed, electorate 4"
std::string tally_text(const core::Tally& t) {
    return "Yes: " + voters(t.yes) + " · No: " + voters(t.no) + " — " +
           std::to_string(t.yes.size()) + " of " + std::to_string(t.needed) +
           " needed, electorate " + std::to_string(t.electorate);
}

std::string result_text(const core::Tally& t) {
    const auto count = " (" + std::to_string(t.yes.size()) + " yes, " +
                       std::to_string(t.no.size()) + " no, of " + std::to_string(t.electorate) +
                       ")";
    switch (t.result) {
    case core::MotionResult::passed:
        return ":white_check_mark: *Passed*" + count;
    case core::MotionResult::rejected:
        return ":x: *Rejected*" + count;
    case core::MotionResult::lapsed:
        return "*Lapsed*: the incident was resolved before a majority agreed" + count;
    case core::MotionResult::open:
        break;
    }
    return "Open: a ballot can change until a majority of the electorate agrees.";
}

RenderedMessage render_motion(const core::MotionMessage& m) {
    const std::string title =
        "*Motion " + std::to_string(m.number) + "* · " + std::string{motion_label(m.kind)} +
        (m.proposed_by.empty() ? std::string{} : " · proposed by <@" + m.proposed_by.value + ">");
    json blocks = json::array({section(title)});
    // The question is a person's words (or quotes them): never markup, and never cut short.
    for (const auto& part : escaped_parts(m.text, limits::section_text))
        blocks.push_back(section(part.empty() ? "—" : part));
    blocks.push_back(context(tally_text(m.tally)));
    blocks.push_back(m.tally.result == core::MotionResult::open ? context(result_text(m.tally))
                                                                : section(result_text(m.tally)));
    if (m.tally.result == core::MotionResult::open) {
        const auto value = motion_value(m.incident, m.number);
        blocks.push_back(
            {{"type", "actions"},
             {"block_id", "ballot"},
             {"elements", json::array({button(ids::ballot_yes, "Yes", value, "primary"),
                                       button(ids::ballot_no, "No", value, "danger")})}});
    }
    return {"Motion " + std::to_string(m.number) + " in " + m.incident.value + ": " +
                escape_clipped(m.text, 200),
            std::move(blocks)};
}

std::string timeline_line(const core::TimelineLine& line) {
    std::string text = format_time(line.at) + " — ";
    if (!line.who.empty())
        text += "<@" + line.who.value + "> ";
    // Core's words may mention people and channels: those mentions stay, anything else is
    // escaped. What a person typed is escaped whole. Room is left for the line break.
    text += clipped(line.what, limits::section_text - text.size() - 1, Mentions::keep);
    if (!line.quote.empty() && text.size() + 2 < limits::section_text - 1)
        text += " " + escape_clipped(line.quote, limits::section_text - text.size() - 2);
    return text;
}

// The record, newest lines kept when it does not fit in one message: sections of at most
// 3000 characters, and no more blocks than Slack takes.
RenderedMessage render_timeline(const core::Timeline& t) {
    const std::string title = "*Timeline of incident " + t.incident.value + "*";
    const auto fallback = "Timeline of incident " + t.incident.value;
    if (t.lines.empty())
        return {fallback, json::array({section(title), context("Nothing recorded yet.")})};

    const std::size_t max_sections = limits::message_blocks - 2; // the title and the note
    std::vector<std::string> sections;                           // newest first while packing
    std::size_t kept = 0;
    for (auto it = t.lines.rbegin(); it != t.lines.rend(); ++it) {
        const auto line = timeline_line(*it);
        if (!sections.empty() && sections.back().size() + 1 + line.size() <= limits::section_text)
            sections.back() = line + "\n" + sections.back();
        else if (sections.size() < max_sections)
            sections.push_back(line);
        else
            break;
        ++kept;
    }
    json blocks = json::array({section(title)});
    const auto left_out = t.lines.size() - kept;
    if (left_out > 0)
        blocks.push_back(context(std::to_string(left_out) + " earlier line" +
                                 (left_out == 1 ? " was" : "s were") +
                                 " left out to fit in one message."));
    for (auto it = sections.rbegin(); it != sections.rend(); ++it)
        blocks.push_back(section(*it));
    return {fallback, std::move(blocks)};
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

std::string escape_clipped(std::string_view text, std::size_t max_bytes) {
    return clipped(text, max_bytes, Mentions::escape);
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
                          [](const core::MotionMessage& m) { return render_motion(m); },
                          [](const core::Timeline& m) { return render_timeline(m); },
                      },
                      message);
}

// Every input of the report is optional for Slack, so that cocbot's own validation answers with
// one voice (response_action: errors) and a phone report can be typed in any order.
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

namespace {

std::string summary_line(const core::IncidentSummary& s) {
    std::string line =
        "*" + s.id.value + "* · " + reported_label(s.reported) + " · " + status_label(s.status);
    if (!s.channel.empty())
        line += " · <#" + s.channel.value + ">";
    return line;
}

std::string pending_line(const core::PendingDeclaration& p) {
    return "*" + p.id.value + "* · " + reported_label(p.reported) + " (via " +
           std::string{core::describe(p.source)} +
           "): do you have a conflict of interest? Answer on the prompt.";
}

// "Motion 2 in 2026-007: <text> — you voted yes": the text is clipped, a list is no place for
// a whole plan.
std::string motion_line(const core::OpenMotion& m) {
    constexpr std::size_t shown = 300;
    const std::string ballot = !m.ballot   ? "you have not voted"
                               : *m.ballot ? "you voted yes"
                                           : "you voted no";
    return "Motion " + std::to_string(m.number) + " in *" + m.incident.value +
           "*: " + escape_clipped(m.text, shown) + " — " + ballot;
}

} // namespace

std::string list_text(const core::Overview& overview) {
    if (overview.open.empty() && overview.pending.empty() && overview.motions.empty())
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
    if (!overview.motions.empty()) {
        text += std::string{text.empty() ? "" : "\n"} + "*Open motions*";
        for (const auto& m : overview.motions)
            text += "\n• " + motion_line(m);
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
    blocks.push_back(section("*Open motions*"));
    if (overview.motions.empty())
        blocks.push_back(context("None waiting for a vote."));
    // A home tab holds 100 blocks: a long list of motions gives way to `/coc list`.
    constexpr std::size_t shown_motions = 20;
    for (std::size_t i = 0; i < overview.motions.size() && i < shown_motions; ++i)
        blocks.push_back(section(motion_line(overview.motions[i])));
    if (overview.motions.size() > shown_motions)
        blocks.push_back(context(std::to_string(overview.motions.size() - shown_motions) +
                                 " more: `/coc list` shows them all."));
    blocks.push_back(context("Use `/coc report` to make a report."));
    return {{"type", "home"}, {"blocks", std::move(blocks)}};
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
           "• `/coc vote <motion>`: in an incident's channel, put a question to its members; a "
           "simple majority of the members in the channel decides.\n"
           "• `/coc timeline`: in an incident's channel, post its written record.\n"
           "• `/coc reopen <reference> [reason]`: propose re-opening a resolved incident, or "
           "one HR handed back.\n"
           "• `/coc help`: this message.\n"
           "If someone is in immediate danger, tick *Immediate danger* in the report: the "
           "committee is alerted at once.";
}

} // namespace cocbot::slack
