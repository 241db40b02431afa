// File: bot/slack/report_modal.cpp
// The report modal: its inputs, its view, reading its state back, and its confirmation.
#include "bot/slack/report_modal.hpp"

#include "bot/slack/ids.hpp"
#include "bot/slack/kit.hpp"
#include "bot/slack/mrkdwn.hpp"
#include "bot/slack/view_values.hpp"

#include <array>

namespace cocbot::slack {

using kit::option;
using kit::plain;
using kit::section;
using nlohmann::json;

namespace {

// Each flag's checkbox: its value, its label, and the flag it sets.
struct FlagBox {
    std::string_view value;
    std::string_view label;
    bool core::Flags::*flag;
};

constexpr std::array<FlagBox, 7> flag_boxes{{
    {"anonymous", "Anonymous: store no name, contact or Slack id of the reporter",
     &core::Flags::anonymous},
    {"escrow", "Escrow: keep it on record, act only if the behaviour repeats",
     &core::Flags::escrow},
    {"immediate_danger", "Immediate danger: alert the committee now",
     &core::Flags::immediate_danger},
    {"wants_police", "The reporter asks for law enforcement to be called",
     &core::Flags::wants_police},
    {"involves_employee", "Involves an employee", &core::Flags::involves_employee},
    {"no_updates", "The reporter wants no further updates", &core::Flags::no_updates},
    {"content_warning", "Content warning: show the details only to a member who asks",
     &core::Flags::content_warning},
}};

json user_select() {
    return {{"type", "users_select"}};
}

json line() {
    return kit::text_input();
}

json paragraph() {
    return kit::text_input(true);
}

json source_select() {
    json sources = json::array();
    for (auto s : {core::Source::slack, core::Source::phone, core::Source::in_person,
                   core::Source::email, core::Source::web_form, core::Source::other})
        sources.push_back(option(core::to_string(s), core::describe(s)));
    return {{"type", "static_select"}, {"options", sources}, {"initial_option", sources[0]}};
}

json members_select() {
    return {{"type", "multi_users_select"}};
}

json flag_checkboxes() {
    json options = json::array();
    for (const auto& box : flag_boxes)
        options.push_back(option(box.value, box.label));
    return {{"type", "checkboxes"}, {"options", std::move(options)}};
}

} // namespace

// Every input of the report is optional for Slack, so that cocbot's own validation answers with
// one voice (response_action: errors) and a phone report can be typed in any order.
const ModalView& report_view() {
    static const ModalView view{
        ids::report_callback,
        "Code of Conduct report",
        "Submit report",
        {
            {ids::reported_user, "Who was reported?", user_select},
            {ids::reported_name, "Or their name, if they are not on Slack", line},
            {ids::description, "What happened?", paragraph},
            {ids::location, "Where and when?", line},
            {ids::source, "How did the report come in?", source_select},
            // An empty name alone is not anonymity: the submitter's Slack id is still kept.
            {ids::reporter_name, "Reporter's name", line,
             "Leaving this empty does not make the report anonymous: tick Anonymous below, and "
             "cocbot keeps no name, contact or Slack id of the reporter."},
            {ids::reporter_contact, "Reporter's contact", line,
             "Phone, email, whatever they are comfortable giving."},
            {ids::reporter_whereabouts, "Where is the reporter now?", line,
             "For immediate danger, so that a responder can find them. Leave empty for an "
             "anonymous report."},
            {ids::reporter_appearance, "What is the reporter wearing?", line,
             "In case a responder needs to find them to ensure their safety."},
            {ids::flags, "This report", flag_checkboxes},
            {ids::excluded_members, "Committee members who must not see this report",
             members_select,
             "Optional. They are never asked about it and never told of it, and nobody is told "
             "whom you chose."},
            {ids::prefer_member, "A member you would rather talk to", user_select,
             "Optional. They are asked to own the report if they have no conflict of interest; "
             "the others are asked as usual."},
        }};
    return view;
}

json report_modal() {
    return render_view(report_view(),
                       "Everything you enter is seen only by committee members without a conflict "
                       "of interest. HR never sees it, except when only employees are involved: "
                       "then it is handed to HR contacts without a conflict of interest.");
}

ReportOrErrors report_from_view(const ViewState& state) {
    core::Report report;
    if (const auto user = selected_user(state, ids::reported_user))
        report.reported.user = *user;
    report.reported.name = text_of(state, ids::reported_name);
    report.description = text_of(state, ids::description);
    report.location = text_of(state, ids::location);
    report.reporter_name = text_of(state, ids::reporter_name);
    report.reporter_contact = text_of(state, ids::reporter_contact);
    report.whereabouts = text_of(state, ids::reporter_whereabouts);
    report.appearance = text_of(state, ids::reporter_appearance);
    if (const auto source = choice(state, ids::source)) {
        const auto parsed = core::source_from_string(*source);
        if (!parsed)
            return std::vector<core::FieldError>{
                {std::string{ids::source}, "Choose one of the listed ways."}};
        report.source = *parsed;
    }
    for (const auto& box : flag_boxes)
        report.flags.*box.flag = checked(state, ids::flags, box.value);
    report.excluded = selected_users(state, ids::excluded_members);
    if (const auto preferred = selected_user(state, ids::prefer_member))
        report.preferred = *preferred;
    return report;
}

json confirmation_modal(std::string_view title, std::string_view text) {
    return {{"type", "modal"},
            {"title", plain(title)},
            {"close", plain("Close")},
            {"blocks", json::array({section(escape(text))})}};
}

} // namespace cocbot::slack
