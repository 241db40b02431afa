// File: bot/slack/report_modal.cpp
// The report modal, and the view that replaces it once the report is filed.
#include "bot/slack/report_modal.hpp"

#include "bot/slack/ids.hpp"
#include "bot/slack/kit.hpp"
#include "bot/slack/mrkdwn.hpp"
#include "core/report.hpp"

namespace cocbot::slack {

using kit::input;
using kit::option;
using kit::plain;
using kit::section;
using kit::text_input;
using nlohmann::json;

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

json confirmation_modal(std::string_view text) {
    return {{"type", "modal"},
            {"title", plain("Report received")},
            {"close", plain("Close")},
            {"blocks", json::array({section(escape(text))})}};
}

} // namespace cocbot::slack
