// File: bot/slack/modals.cpp
#include "bot/slack/modals.hpp"

#include "bot/slack/ids.hpp"
#include "bot/slack/kit.hpp"
#include "bot/slack/mrkdwn.hpp"
#include "core/consequences.hpp"

#include <array>
#include <string>
#include <utility>

namespace cocbot::slack {

using kit::Entry;
using kit::input;
using kit::option;
using kit::plain;
using kit::section;
using kit::text_input;
using nlohmann::json;

namespace {

constexpr std::array<std::pair<ModalKind, std::string_view>, 10> callbacks{{
    {ModalKind::immediate_action, ids::immediate_action_callback},
    {ModalKind::follow_up, ids::followup_callback},
    {ModalKind::motion_plan, "coc_motion_plan"},
    {ModalKind::motion_consequences, "coc_motion_consequences"},
    {ModalKind::motion_refusal, "coc_motion_refusal"},
    {ModalKind::hr_involve, "coc_hr_involve"},
    {ModalKind::hr_report, "coc_hr_report"},
    {ModalKind::law_enforcement, "coc_law_enforcement"},
    {ModalKind::conversation, "coc_conversation"},
    {ModalKind::resolve, "coc_resolve"},
}};

// The frame every incident modal shares: the incident rides in private_metadata.
json modal(ModalKind kind, std::string_view incident, std::string_view title,
           std::string_view submit, json blocks) {
    return {{"type", "modal"},
            {"callback_id", callback_id(kind)},
            {"private_metadata", incident},
            {"title", plain(title)},
            {"submit", plain(submit)},
            {"close", plain("Cancel")},
            {"blocks", std::move(blocks)}};
}

json radio(std::initializer_list<std::pair<std::string_view, std::string_view>> choices) {
    json options = json::array();
    for (const auto& [value, label] : choices)
        options.push_back(option(value, label));
    return {{"type", "radio_buttons"}, {"options", std::move(options)}};
}

json yes_no(std::string_view yes, std::string_view no) {
    return radio({{"yes", yes}, {"no", no}});
}

// The reference came back from a button's value: show it, but never as markup.
std::string ref(std::string_view incident) {
    return escape(incident);
}

json immediate_action(std::string_view incident) {
    return modal(ModalKind::immediate_action, incident, "Immediate action", "Record",
                 json::array({section("What did you do, and why could it not wait? It is recorded "
                                      "in incident " +
                                      ref(incident) + "."),
                              input(ids::action, "Action taken", text_input(true))}));
}

json follow_up(std::string_view incident) {
    const json decision = option(ids::decision, "This told the reporter the committee's decision");
    return modal(
        ModalKind::follow_up, incident, "Reporter follow-up", "Record",
        json::array(
            {section("What did you tell the reporter in incident " + ref(incident) + ", and how?"),
             input(ids::note, "What was communicated", text_input(true)),
             input(ids::decision, "Decision",
                   {{"type", "checkboxes"}, {"options", json::array({decision})}})}));
}

constexpr std::string_view vote_rule =
    "The members in the incident's channel vote on it; a simple majority of them decides.";

json motion_plan(std::string_view incident) {
    return modal(ModalKind::motion_plan, incident, "Propose a plan", "Propose",
                 json::array({section("Propose the behavioural modification plan for incident " +
                                      ref(incident) + ". " + std::string{vote_rule}),
                              input(ids::text, "The plan", text_input(true),
                                    "What the reported person must do so that the behaviour is "
                                    "not repeated.",
                                    Entry::required)}));
}

json motion_refusal(std::string_view incident) {
    return modal(
        ModalKind::motion_refusal, incident, "If the plan is refused", "Propose",
        json::array({section("Propose the response in incident " + ref(incident) +
                             " if the reported person does not understand why their "
                             "behaviour was inappropriate, or refuses the plan. " +
                             std::string{vote_rule}),
                     input(ids::text, "The response", text_input(true), {}, Entry::required)}));
}

json motion_consequences(std::string_view incident) {
    json options = json::array();
    for (const auto& c : core::possible_consequences())
        options.push_back(option(c.id, c.label));
    const json select{{"type", "multi_static_select"},
                      {"placeholder", plain("Choose from the plan's list")},
                      {"options", std::move(options)}};
    return modal(ModalKind::motion_consequences, incident, "Propose consequences", "Propose",
                 json::array({section("Propose consequences for incident " + ref(incident) +
                                      ": choose from the plan's list, describe others, or both. " +
                                      std::string{vote_rule}),
                              input(ids::consequences, "Consequences", select),
                              input(ids::text, "Other consequences", text_input(true),
                                    "Anything the list does not name.")}));
}

json hr_involve(std::string_view incident) {
    const json scope = radio({
        {"informing", "An employee and a community member: HR informs, the committee decides"},
        {"employees_only", "Only employees: hand off to HR"},
    });
    return modal(ModalKind::hr_involve, incident, "Involve HR", "Involve HR",
                 json::array({section("The HR contacts are invited to incident " + ref(incident) +
                                      "'s channel, where they can read everything posted "
                                      "there, the report included. When only employees are "
                                      "involved, HR takes the incident over and reports back "
                                      "here."),
                              input(ids::scope, "Who is involved?", scope, {}, Entry::required)}));
}

json hr_report(std::string_view incident) {
    const json finding = radio({
        {"violation", "It was a Code of Conduct violation"},
        {"no_violation", "It was not a Code of Conduct violation"},
        {"undetermined", "Undetermined"},
    });
    return modal(
        ModalKind::hr_report, incident, "HR report", "Record",
        json::array(
            {section("HR's report back on incident " + ref(incident) + "."),
             input(ids::finding, "Was it a Code of Conduct violation?", finding, {},
                   Entry::required),
             input(ids::plan, "The reported person's behavioural modification plan",
                   text_input(true)),
             input(ids::consequences, "What consequences (if any) they face", text_input(true)),
             input(ids::taking_action, "Is HR taking action?",
                   yes_no("Yes", "No: the committee may re-open and re-evaluate it"), {},
                   Entry::required)}));
}

json law_enforcement(std::string_view incident) {
    const json asked{
        {"type", "checkboxes"},
        {"options", json::array({option(ids::reporter_asked, "The reporter asked for it")})}};
    return modal(ModalKind::law_enforcement, incident, "Law enforcement", "Record",
                 json::array({section("Law enforcement is involved only at the reporter's "
                                      "request. The leadership contacts are told that it was "
                                      "involved in incident " +
                                      ref(incident) + ", and whom to ask; nothing more."),
                              input(ids::reporter_asked, "The reporter's request", asked),
                              input(ids::note, "What was shared with law enforcement",
                                    text_input(true), {}, Entry::required)}));
}

json conversation(std::string_view incident) {
    const json talkers{{"type", "multi_users_select"},
                       {"placeholder", plain("Two committee members")},
                       {"max_selected_items", 2}};
    const json apology = radio({
        {"none", "They did not apologise"},
        {"relayed", "An apology will be relayed; they must not contact the reporter"},
        {"not_relayed", "They apologised, but it will not be relayed"},
    });
    return modal(
        ModalKind::conversation, incident, "Conversation record", "Record",
        json::array(
            {section("Two members talked to the reported person in incident " + ref(incident) +
                     ". Record it in the plan's terms."),
             input(ids::talkers, "Who talked to them", talkers, {}, Entry::required),
             input(ids::behaviour, "Behaviour", text_input(true),
                   "What they did, e.g. \"When you joined, you greeted people with 'hey guys'.\"",
                   Entry::required),
             input(ids::context, "Context", text_input(true), "Why it matters in our community."),
             input(ids::impact, "Impact", text_input(true), "How it affected others.",
                   Entry::required),
             input(ids::call_in, "Call in", text_input(true),
                   "e.g. \"I need your help to keep our community welcoming.\""),
             input(ids::plan, "Behavioural modification plan", text_input(true), {},
                   Entry::required),
             input(ids::accepted, "Did they accept the plan?",
                   yes_no("Yes", "No: the committee may need new motions"), {}, Entry::required),
             input(ids::apology, "Apology", apology, {}, Entry::required)}));
}

json resolve(std::string_view incident) {
    return modal(ModalKind::resolve, incident, "Resolve incident", "Resolve",
                 json::array({section("Resolving closes incident " + ref(incident) +
                                      " and archives its channel. A vote can re-open it."),
                              input(ids::resolution, "How was it resolved?", text_input(true),
                                    "In general words: this goes into the anonymised "
                                    "transparency report.",
                                    Entry::required)}));
}

} // namespace

std::string_view callback_id(ModalKind kind) {
    for (const auto& [k, id] : callbacks)
        if (k == kind)
            return id;
    return {};
}

std::optional<ModalKind> modal_from_callback(std::string_view id) {
    for (const auto& [kind, callback] : callbacks)
        if (callback == id)
            return kind;
    return std::nullopt;
}

json modal_for(ModalKind kind, std::string_view incident) {
    switch (kind) {
    case ModalKind::immediate_action:
        return immediate_action(incident);
    case ModalKind::follow_up:
        return follow_up(incident);
    case ModalKind::motion_plan:
        return motion_plan(incident);
    case ModalKind::motion_consequences:
        return motion_consequences(incident);
    case ModalKind::motion_refusal:
        return motion_refusal(incident);
    case ModalKind::hr_involve:
        return hr_involve(incident);
    case ModalKind::hr_report:
        return hr_report(incident);
    case ModalKind::law_enforcement:
        return law_enforcement(incident);
    case ModalKind::conversation:
        return conversation(incident);
    case ModalKind::resolve:
        return resolve(incident);
    }
    return {};
}

} // namespace cocbot::slack
