// File: bot/slack/modal_elements.cpp
// The input elements the incident modals are made of.
#include "bot/slack/modal_elements.hpp"

#include "bot/slack/ids.hpp"
#include "bot/slack/kit.hpp"
#include "core/consequences.hpp"

#include <initializer_list>
#include <string_view>
#include <utility>

namespace cocbot::slack::elements {

using kit::option;
using kit::plain;
using nlohmann::json;

namespace {

json radio(std::initializer_list<std::pair<std::string_view, std::string_view>> choices) {
    json options = json::array();
    for (const auto& [value, label] : choices)
        options.push_back(option(value, label));
    return {{"type", "radio_buttons"}, {"options", std::move(options)}};
}

json yes_no(std::string_view yes, std::string_view no) {
    return radio({{"yes", yes}, {"no", no}});
}

json checkbox(std::string_view value, std::string_view label) {
    return {{"type", "checkboxes"}, {"options", json::array({option(value, label)})}};
}

} // namespace

json paragraph() {
    return kit::text_input(true);
}

json decision_checkbox() {
    return checkbox(ids::decision, "This told the reporter the committee's decision");
}

json consequences_select() {
    json options = json::array();
    for (const auto& c : core::possible_consequences())
        options.push_back(option(c.id, c.label));
    return {{"type", "multi_static_select"},
            {"placeholder", plain("Choose from the plan's list")},
            {"options", std::move(options)}};
}

json scope_radio() {
    return radio({
        {"informing", "An employee and a community member: HR informs, the committee decides"},
        {"employees_only", "Only employees: hand off to HR"},
    });
}

json finding_radio() {
    return radio({
        {"violation", "It was a Code of Conduct violation"},
        {"no_violation", "It was not a Code of Conduct violation"},
        {"undetermined", "Undetermined"},
    });
}

json past_radio() {
    return radio({
        {"yes", "Yes"},
        {"no", "No"},
        {"unknown", "HR does not know"},
    });
}

json taking_action_radio() {
    return yes_no("Yes", "No: the committee may re-open and re-evaluate it");
}

json reporter_asked_checkbox() {
    return checkbox(ids::reporter_asked, "The reporter asked for it");
}

json talkers_select() {
    return {{"type", "multi_users_select"},
            {"placeholder", plain("Two committee members")},
            {"max_selected_items", 2}};
}

json accepted_radio() {
    return yes_no("Yes", "No: the committee may need new motions");
}

json apology_radio() {
    return radio({
        {"none", "They did not apologise"},
        {"relayed", "An apology will be relayed; they must not contact the reporter"},
        {"not_relayed", "They apologised, but it will not be relayed"},
    });
}

} // namespace cocbot::slack::elements
