// File: bot/slack/modals.cpp
// The incident modals' table, and looking a modal up by kind, callback id or button.
#include "bot/slack/modals.hpp"

#include "bot/slack/ids.hpp"
#include "bot/slack/modal_elements.hpp"
#include "bot/slack/mrkdwn.hpp"
#include "bot/slack/resolution_modal.hpp"
#include "bot/slack/view_values.hpp"
#include "core/conversation.hpp"
#include "core/hr.hpp"

#include <algorithm>
#include <stdexcept>

namespace cocbot::slack {

using kit::Entry;
using namespace elements;

namespace {

constexpr std::string_view vote_rule =
    " The members in the incident's channel vote on it; a simple majority of them decides.";

// The plan, consequences and refusal modals propose a motion in the typed words.
core::ProposeMotion proposal(const Submitted& s, core::MotionKind kind) {
    return {s.incident, s.by, kind, text_of(s.state, ids::text), {}};
}

std::string words(std::initializer_list<std::string_view> parts) {
    std::string text;
    for (auto part : parts)
        text += part;
    return text;
}

ModalSpec immediate_action() {
    return {ModalKind::immediate_action,
            ids::immediate_action,
            {ids::immediate_action_callback,
             "Immediate action",
             "Record",
             {{ids::action, "Action taken", paragraph}}},
            [](const std::string& ref) {
                return words({"What did you do, and why could it not wait? It is recorded in "
                              "incident ",
                              ref, "."});
            },
            [](const Submitted& s) -> std::optional<core::Command> {
                return core::RecordImmediateAction{s.incident, s.by, text_of(s.state, ids::action)};
            }};
}

ModalSpec follow_up() {
    return {ModalKind::follow_up,
            ids::reporter_followup,
            {ids::followup_callback,
             "Reporter follow-up",
             "Record",
             {{ids::note, "What was communicated", paragraph},
              {ids::decision, "Decision", decision_checkbox}}},
            [](const std::string& ref) {
                return words({"What did you tell the reporter in incident ", ref, ", and how?"});
            },
            [](const Submitted& s) -> std::optional<core::Command> {
                return core::RecordReporterFollowUp{s.incident, s.by, text_of(s.state, ids::note),
                                                    checked(s.state, ids::decision, ids::decision)};
            }};
}

ModalSpec motion_plan() {
    return {ModalKind::motion_plan,
            ids::motion_plan,
            {ids::motion_plan_callback,
             "Propose a plan",
             "Propose",
             {{ids::text, "The plan", paragraph,
               "What the reported person must do so that the behaviour is not repeated.",
               Entry::required}}},
            [](const std::string& ref) {
                return words({"Propose the behavioural modification plan for incident ", ref, ".",
                              vote_rule});
            },
            [](const Submitted& s) -> std::optional<core::Command> {
                return proposal(s, core::MotionKind::plan);
            }};
}

ModalSpec motion_consequences() {
    return {ModalKind::motion_consequences,
            ids::motion_consequences,
            {ids::motion_consequences_callback,
             "Propose consequences",
             "Propose",
             {{ids::consequences, "Consequences", consequences_select},
              {ids::text, "Other consequences", paragraph, "Anything the list does not name."}}},
            [](const std::string& ref) {
                return words({"Propose consequences for incident ", ref,
                              ": choose from the plan's list, describe others, or both.",
                              vote_rule});
            },
            [](const Submitted& s) -> std::optional<core::Command> {
                auto propose = proposal(s, core::MotionKind::consequences);
                propose.consequences = selected(s.state, ids::consequences);
                return propose;
            }};
}

ModalSpec motion_refusal() {
    return {ModalKind::motion_refusal,
            ids::motion_refusal,
            {ids::motion_refusal_callback,
             "If the plan is refused",
             "Propose",
             {{ids::text, "The response", paragraph, {}, Entry::required}}},
            [](const std::string& ref) {
                return words({"Propose the response in incident ", ref,
                              " if the reported person does not understand why their behaviour "
                              "was inappropriate, or refuses the plan.",
                              vote_rule});
            },
            [](const Submitted& s) -> std::optional<core::Command> {
                return proposal(s, core::MotionKind::refusal);
            }};
}

ModalSpec hr_involve() {
    return {ModalKind::hr_involve,
            ids::hr_involve,
            {ids::hr_involve_callback,
             "Involve HR",
             "Involve HR",
             {{ids::scope, "Who is involved?", scope_radio, {}, Entry::required}}},
            [](const std::string& ref) {
                return words({"HR never sees incident ", ref,
                              "'s channel. Each HR contact is first asked privately whether they "
                              "have a conflict of interest; those without one join HR's own "
                              "private channel (coc-",
                              ref,
                              "-hr) with the cleared members. If an employee and a community "
                              "member are involved, nothing of the report is posted there: ask "
                              "HR what you need, and the committee decides. If only employees "
                              "are involved, HR's channel receives the report and HR takes the "
                              "incident over."});
            },
            [](const Submitted& s) -> std::optional<core::Command> {
                const auto scope = parsed_choice(s.state, ids::scope, core::hr_scope_from_string);
                if (!scope)
                    return std::nullopt;
                return core::InvolveHr{s.incident, s.by, *scope};
            }};
}

ModalSpec hr_report() {
    return {
        ModalKind::hr_report,
        ids::hr_report,
        {ids::hr_report_callback,
         "HR report",
         "Record",
         {{ids::finding, "Was it a Code of Conduct violation?", finding_radio, {}, Entry::required},
          {ids::plan, "The reported person's behavioural modification plan", paragraph},
          {ids::consequences, "What consequences (if any) they face", paragraph},
          {ids::taking_action, "Is HR taking action?", taking_action_radio, {}, Entry::required}}},
        [](const std::string& ref) {
            return words({"HR's report back on incident ", ref, "."});
        },
        [](const Submitted& s) -> std::optional<core::Command> {
            const auto finding = parsed_choice(s.state, ids::finding, core::hr_finding_from_string);
            const auto taking_action = yes_or_no(s.state, ids::taking_action);
            if (!finding || !taking_action)
                return std::nullopt;
            return core::RecordHrReport{s.incident, s.by,
                                        core::HrReport{*finding, text_of(s.state, ids::plan),
                                                       text_of(s.state, ids::consequences),
                                                       *taking_action}};
        }};
}

ModalSpec ask_hr() {
    return {ModalKind::ask_hr,
            ids::ask_hr,
            {ids::ask_hr_callback,
             "Ask HR",
             "Send to HR",
             {{ids::question, "Your question for HR", paragraph,
               "e.g. \"Do you know of past instances of similar behaviour?\"", Entry::required}}},
            [](const std::string& ref) {
                return words({"Your question is posted in HR's channel for incident ", ref,
                              ", which HR and the cleared members read. Nothing else of the "
                              "report is shown to HR: ask in your own words only what HR needs "
                              "to answer."});
            },
            [](const Submitted& s) -> std::optional<core::Command> {
                return core::AskHr{s.incident, s.by, text_of(s.state, ids::question)};
            }};
}

ModalSpec hr_info() {
    return {ModalKind::hr_info,
            ids::hr_info,
            {ids::hr_info_callback,
             "HR's information",
             "Record",
             {{ids::information, "What HR told the committee", paragraph, {}, Entry::required},
              {ids::past,
               "Does HR know of past instances of similar behaviour?",
               past_radio,
               {},
               Entry::required}}},
            [](const std::string& ref) {
                return words({"HR's answers for incident ", ref,
                              " are recorded here, in the incident's channel. The decision "
                              "stays with the committee."});
            },
            [](const Submitted& s) -> std::optional<core::Command> {
                const auto past =
                    parsed_choice(s.state, ids::past, core::past_instances_from_string);
                if (!past)
                    return std::nullopt;
                return core::RecordHrInformation{s.incident, s.by,
                                                 text_of(s.state, ids::information), *past};
            }};
}

ModalSpec law_enforcement() {
    return {ModalKind::law_enforcement,
            ids::law_enforcement,
            {ids::law_enforcement_callback,
             "Law enforcement",
             "Record",
             {{ids::reporter_asked, "The reporter's request", reporter_asked_checkbox},
              {ids::note, "What was shared with law enforcement", paragraph, {}, Entry::required}}},
            [](const std::string& ref) {
                return words({"Law enforcement is involved only at the reporter's request. The "
                              "leadership contacts are told that it was involved in incident ",
                              ref, ", and whom to ask; nothing more."});
            },
            [](const Submitted& s) -> std::optional<core::Command> {
                return core::RecordLawEnforcement{
                    s.incident, s.by, checked(s.state, ids::reporter_asked, ids::reporter_asked),
                    text_of(s.state, ids::note)};
            }};
}

ModalSpec conversation() {
    return {
        ModalKind::conversation,
        ids::record_conversation,
        {ids::conversation_callback,
         "Conversation record",
         "Record",
         {{ids::talkers, "Who talked to them", talkers_select, {}, Entry::required},
          {ids::behaviour, "Behaviour", paragraph,
           "What they did, e.g. \"When you joined, you greeted people with 'hey guys'.\"",
           Entry::required},
          {ids::context, "Context", paragraph, "Why it matters in our community."},
          {ids::impact, "Impact", paragraph, "How it affected others.", Entry::required},
          {ids::call_in, "Call in", paragraph,
           "e.g. \"I need your help to keep our community welcoming.\""},
          {ids::plan, "Behavioural modification plan", paragraph, {}, Entry::required},
          {ids::accepted, "Did they accept the plan?", accepted_radio, {}, Entry::required},
          {ids::apology, "Apology", apology_radio, {}, Entry::required}}},
        [](const std::string& ref) {
            return words({"Two members talked to the reported person in incident ", ref,
                          ". Record it in the plan's terms."});
        },
        [](const Submitted& s) -> std::optional<core::Command> {
            const auto accepted = yes_or_no(s.state, ids::accepted);
            const auto apology = parsed_choice(s.state, ids::apology, core::apology_from_string);
            if (!accepted || !apology)
                return std::nullopt;
            return core::RecordConversation{
                s.incident, s.by,
                core::Conversation{selected_users(s.state, ids::talkers),
                                   text_of(s.state, ids::behaviour), text_of(s.state, ids::context),
                                   text_of(s.state, ids::impact), text_of(s.state, ids::call_in),
                                   text_of(s.state, ids::plan), *accepted, *apology}};
        }};
}

ModalSpec resolve() {
    return {ModalKind::resolve,
            ids::resolve,
            {ids::resolve_callback,
             "Resolve incident",
             "Resolve",
             {{ids::resolution, "How was it resolved?", paragraph,
               "Will be published in the anonymised transparency report: general words, no "
               "names, places, dates or numbers.",
               Entry::required},
              {ids::category, "Kind of behaviour", category_select, {}, Entry::required},
              {ids::outcome, "Outcome", outcome_select, {}, Entry::required},
              {ids::reported_role, "The reported person was", reported_role_select},
              {ids::cannot_anonymise, "Transparency report", cannot_anonymise_checkbox}}},
            [](const std::string& ref) {
                return words({"Resolving closes incident ", ref,
                              " and archives its channel. A vote can re-open it."});
            },
            resolution_command};
}

template <typename Match>
const ModalSpec* find_modal(Match match) {
    const auto& all = incident_modals();
    const auto it = std::find_if(all.begin(), all.end(), match);
    return it == all.end() ? nullptr : &*it;
}

} // namespace

const std::vector<ModalSpec>& incident_modals() {
    static const std::vector<ModalSpec> all{
        immediate_action(), follow_up(),       motion_plan(),  motion_consequences(),
        motion_refusal(),   hr_involve(),      hr_report(),    ask_hr(),
        hr_info(),          law_enforcement(), conversation(), resolve(),
    };
    return all;
}

const ModalSpec& modal_spec(ModalKind kind) {
    if (const auto* spec = find_modal([&](const ModalSpec& s) { return s.kind == kind; }))
        return *spec;
    throw std::logic_error("a modal kind without a spec");
}

const ModalSpec* modal_by_callback(std::string_view callback_id) {
    return find_modal([&](const ModalSpec& s) { return s.view.callback_id == callback_id; });
}

const ModalSpec* modal_by_button(std::string_view action_id) {
    return find_modal([&](const ModalSpec& s) { return s.button == action_id; });
}

nlohmann::json modal_for(ModalKind kind, std::string_view incident) {
    const auto& spec = modal_spec(kind);
    // The reference came back from a button's value: show it, but never as markup.
    return render_view(spec.view, spec.intro(escape(incident)), incident);
}

} // namespace cocbot::slack
