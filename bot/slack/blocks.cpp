// File: bot/slack/blocks.cpp
#include "bot/slack/blocks.hpp"

#include "core/overloaded.hpp"
#include "core/report.hpp"

#include <array>

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
           "• `/coc help`: this message.\n"
           "If someone is in immediate danger, tick *Immediate danger* in the report: the "
           "committee is alerted at once.";
}

} // namespace cocbot::slack
