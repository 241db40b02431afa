// File: bot/slack/resolution_modal.cpp
#include "bot/slack/resolution_modal.hpp"

#include "bot/slack/ids.hpp"
#include "bot/slack/kit.hpp"
#include "bot/slack/view_values.hpp"

namespace cocbot::slack {

using kit::option;
using kit::plain;
using nlohmann::json;

namespace {

// core's words are for the middle of a sentence; an option starts with a capital.
std::string capitalised(std::string_view words) {
    std::string text{words};
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

json select(std::string_view placeholder, json options) {
    return {{"type", "static_select"},
            {"placeholder", plain(placeholder)},
            {"options", std::move(options)}};
}

json outcome_option(core::ResolutionOutcome outcome) {
    return option(core::to_string(outcome), capitalised(core::describe(outcome)));
}

json* element_of(json& view, std::string_view id) {
    for (auto& block : view["blocks"])
        if (block.value("block_id", "") == id)
            return &block["element"];
    return nullptr;
}

} // namespace

namespace elements {

json category_select() {
    return select("The kind of behaviour", json::array());
}

json outcome_select() {
    json options = json::array();
    for (const auto outcome : core::chosen_outcomes())
        options.push_back(outcome_option(outcome));
    return select("How it ended", std::move(options));
}

json reported_role_select() {
    json options = json::array();
    for (const auto role : core::chosen_roles())
        options.push_back(option(core::to_string(role), capitalised(core::describe(role))));
    return select("If known", std::move(options));
}

json cannot_anonymise_checkbox() {
    return {{"type", "checkboxes"},
            {"options", json::array({option(ids::cannot_anonymise,
                                            "Cannot be anonymised: the report says only \"A "
                                            "report was made.\"")})}};
}

} // namespace elements

json resolution_modal(std::string_view incident, const std::vector<std::string>& categories,
                      core::ResolutionOutcome suggested) {
    json view = modal_for(ModalKind::resolve, incident);
    if (auto* category = element_of(view, ids::category))
        for (const auto& name : categories)
            (*category)["options"].push_back(option(name, name));
    if (auto* outcome = element_of(view, ids::outcome);
        outcome && suggested != core::ResolutionOutcome::unrecorded)
        (*outcome)["initial_option"] = outcome_option(suggested);
    return view;
}

std::optional<core::Command> resolution_command(const Submitted& s) {
    const auto outcome = parsed_choice(s.state, ids::outcome, core::outcome_from_string);
    const auto role = parsed_choice(s.state, ids::reported_role, core::reported_role_from_string);
    return core::ResolveIncident{s.incident,
                                 s.by,
                                 text_of(s.state, ids::resolution),
                                 choice(s.state, ids::category).value_or(""),
                                 outcome.value_or(core::ResolutionOutcome::unrecorded),
                                 role.value_or(core::ReportedRole::unrecorded),
                                 checked(s.state, ids::cannot_anonymise, ids::cannot_anonymise)};
}

} // namespace cocbot::slack
