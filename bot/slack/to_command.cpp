// File: bot/slack/to_command.cpp
#include "bot/slack/to_command.hpp"

#include "bot/slack/ids.hpp"
#include "core/conversation.hpp"
#include "core/hr.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace cocbot::slack {

namespace {

std::string text_of(const ViewState& state, std::string_view id) {
    const auto* input = state.find(id, id);
    return input && input->value ? *input->value : std::string{};
}

bool checked(const InputValue* flags, std::string_view value) {
    return flags && std::find(flags->selected_options.begin(), flags->selected_options.end(),
                              value) != flags->selected_options.end();
}

} // namespace

ReportOrErrors report_from_view(const ViewState& state) {
    core::Report report;
    if (const auto* user = state.find(ids::reported_user, ids::reported_user);
        user && user->selected_user)
        report.reported.user = core::UserId{*user->selected_user};
    report.reported.name = text_of(state, ids::reported_name);
    report.description = text_of(state, ids::description);
    report.location = text_of(state, ids::location);
    report.reporter_name = text_of(state, ids::reporter_name);
    report.reporter_contact = text_of(state, ids::reporter_contact);

    if (const auto* source = state.find(ids::source, ids::source);
        source && source->selected_option) {
        const auto parsed = core::source_from_string(*source->selected_option);
        if (!parsed)
            return std::vector<core::FieldError>{
                {std::string{ids::source}, "Choose one of the listed ways."}};
        report.source = *parsed;
    }

    const auto* flags = state.find(ids::flags, ids::flags);
    report.flags = {
        .anonymous = checked(flags, "anonymous"),
        .escrow = checked(flags, "escrow"),
        .immediate_danger = checked(flags, "immediate_danger"),
        .involves_employee = checked(flags, "involves_employee"),
        .no_updates = checked(flags, "no_updates"),
    };
    return report;
}

namespace {

// Buttons that open a modal: views.open needs the trigger at once.
constexpr std::array<std::pair<std::string_view, ModalKind>, 10> modal_buttons{{
    {ids::immediate_action, ModalKind::immediate_action},
    {ids::reporter_followup, ModalKind::follow_up},
    {ids::motion_plan, ModalKind::motion_plan},
    {ids::motion_consequences, ModalKind::motion_consequences},
    {ids::motion_refusal, ModalKind::motion_refusal},
    {ids::hr_involve, ModalKind::hr_involve},
    {ids::hr_report, ModalKind::hr_report},
    {ids::law_enforcement, ModalKind::law_enforcement},
    {ids::record_conversation, ModalKind::conversation},
    {ids::resolve, ModalKind::resolve},
}};

// Buttons that put a motion that needs no words to the vote.
constexpr std::array<std::pair<std::string_view, core::MotionKind>, 3> motion_buttons{{
    {ids::motion_violation, core::MotionKind::violation},
    {ids::activate_escrow, core::MotionKind::activate_escrow},
    {ids::reopen, core::MotionKind::reopen},
}};

template <typename T, std::size_t N>
std::optional<T> lookup(const std::array<std::pair<std::string_view, T>, N>& table,
                        std::string_view key) {
    for (const auto& [k, value] : table)
        if (k == key)
            return value;
    return std::nullopt;
}

std::optional<core::Command> ballot(const Action& action, const core::UserId& voter) {
    const auto motion = parse_motion_value(action.value);
    if (!motion)
        return std::nullopt;
    return core::CastBallot{motion->first, motion->second, voter,
                            action.action_id == ids::ballot_yes};
}

// Presses that need nothing but the incident and who pressed.
std::optional<core::Command> plain_command(std::string_view id, const core::IncidentId& incident,
                                           const core::UserId& user) {
    if (id == ids::conflict_none)
        return core::DeclareConflict{incident, user, false};
    if (id == ids::conflict_declared || id == ids::recuse)
        return core::DeclareConflict{incident, user, true};
    if (id == ids::ack_reporter)
        return core::AcknowledgeReporter{incident, user};
    if (id == ids::cannot_find || id == ids::reported_found)
        return core::MarkReportedPersonMissing{incident, user, id == ids::cannot_find};
    if (id == ids::hr_done)
        return core::DropHr{incident, user};
    if (id == ids::show_timeline)
        return core::ShowTimeline{incident, user};
    if (const auto kind = lookup(motion_buttons, id))
        return core::ProposeMotion{incident, user, *kind, {}, {}};
    return std::nullopt;
}

} // namespace

std::optional<ActionIntent> intent_from_action(const BlockActions& payload) {
    if (payload.actions.empty() || payload.user_id.empty())
        return std::nullopt;
    const auto& action = payload.actions.front();
    const core::UserId user{payload.user_id};
    const auto& id = action.action_id;
    if (id == ids::ballot_yes || id == ids::ballot_no) {
        if (auto command = ballot(action, user))
            return std::move(*command);
        return std::nullopt;
    }
    // Buttons carry the incident as their value; selects in the block's id.
    std::string incident_text = action.value;
    if (incident_text.empty() && action.block_id.starts_with(ids::incident_block_prefix))
        incident_text = action.block_id.substr(ids::incident_block_prefix.size());
    if (incident_text.empty())
        return std::nullopt;
    const core::IncidentId incident{incident_text};
    if ((id == ids::owner_primary || id == ids::owner_secondary) && !action.selected_user.empty())
        return core::Command{core::NameOwner{incident, user,
                                             id == ids::owner_primary ? core::OwnerRole::primary
                                                                      : core::OwnerRole::secondary,
                                             core::UserId{action.selected_user}}};
    if (const auto modal = lookup(modal_buttons, id)) {
        if (payload.trigger_id.empty())
            return std::nullopt;
        return OpenModal{payload.trigger_id, incident, *modal};
    }
    if (auto command = plain_command(id, incident, user))
        return std::move(*command);
    return std::nullopt;
}

namespace {

std::optional<std::string> choice(const ViewState& state, std::string_view id) {
    const auto* input = state.find(id, id);
    return input ? input->selected_option : std::nullopt;
}

// A yes/no radio; nullopt when nothing (or something else) was chosen.
std::optional<bool> yes_or_no(const ViewState& state, std::string_view id) {
    const auto picked = choice(state, id);
    if (picked == "yes")
        return true;
    if (picked == "no")
        return false;
    return std::nullopt;
}

template <typename Parse>
auto parsed_choice(const ViewState& state, std::string_view id, Parse parse)
    -> decltype(parse(std::string_view{})) {
    const auto picked = choice(state, id);
    return picked ? parse(*picked) : std::nullopt;
}

std::vector<std::string> selected(const ViewState& state, std::string_view id) {
    const auto* input = state.find(id, id);
    return input ? input->selected_options : std::vector<std::string>{};
}

std::vector<core::UserId> selected_users(const ViewState& state, std::string_view id) {
    std::vector<core::UserId> users;
    if (const auto* input = state.find(id, id))
        for (const auto& user : input->selected_users)
            users.push_back(core::UserId{user});
    return users;
}

std::optional<core::Command> hr_report(const core::IncidentId& incident, const core::UserId& by,
                                       const ViewState& state) {
    const auto finding = parsed_choice(state, ids::finding, core::hr_finding_from_string);
    const auto taking_action = yes_or_no(state, ids::taking_action);
    if (!finding || !taking_action)
        return std::nullopt;
    return core::RecordHrReport{incident, by,
                                core::HrReport{*finding, text_of(state, ids::plan),
                                               text_of(state, ids::consequences), *taking_action}};
}

std::optional<core::Command> conversation(const core::IncidentId& incident, const core::UserId& by,
                                          const ViewState& state) {
    const auto accepted = yes_or_no(state, ids::accepted);
    const auto apology = parsed_choice(state, ids::apology, core::apology_from_string);
    if (!accepted || !apology)
        return std::nullopt;
    return core::RecordConversation{
        incident, by,
        core::Conversation{selected_users(state, ids::talkers), text_of(state, ids::behaviour),
                           text_of(state, ids::context), text_of(state, ids::impact),
                           text_of(state, ids::call_in), text_of(state, ids::plan), *accepted,
                           *apology}};
}

std::optional<core::Command> motion(const core::IncidentId& incident, const core::UserId& by,
                                    core::MotionKind kind, const ViewState& state) {
    core::ProposeMotion propose{incident, by, kind, text_of(state, ids::text), {}};
    if (kind == core::MotionKind::consequences)
        propose.consequences = selected(state, ids::consequences);
    return propose;
}

} // namespace

std::optional<core::Command> command_from_submission(const ViewSubmission& submission) {
    const auto kind = modal_from_callback(submission.callback_id);
    if (!kind || submission.private_metadata.empty())
        return std::nullopt;
    const core::IncidentId incident{submission.private_metadata};
    const core::UserId user{submission.user_id};
    const auto& state = submission.state;
    switch (*kind) {
    case ModalKind::immediate_action:
        return core::RecordImmediateAction{incident, user, text_of(state, ids::action)};
    case ModalKind::follow_up:
        return core::RecordReporterFollowUp{
            incident, user, text_of(state, ids::note),
            checked(state.find(ids::decision, ids::decision), ids::decision)};
    case ModalKind::motion_plan:
        return motion(incident, user, core::MotionKind::plan, state);
    case ModalKind::motion_consequences:
        return motion(incident, user, core::MotionKind::consequences, state);
    case ModalKind::motion_refusal:
        return motion(incident, user, core::MotionKind::refusal, state);
    case ModalKind::hr_involve: {
        const auto scope = parsed_choice(state, ids::scope, core::hr_scope_from_string);
        return scope ? std::optional<core::Command>{core::InvolveHr{incident, user, *scope}}
                     : std::nullopt;
    }
    case ModalKind::hr_report:
        return hr_report(incident, user, state);
    case ModalKind::law_enforcement:
        return core::RecordLawEnforcement{
            incident, user,
            checked(state.find(ids::reporter_asked, ids::reporter_asked), ids::reporter_asked),
            text_of(state, ids::note)};
    case ModalKind::conversation:
        return conversation(incident, user, state);
    case ModalKind::resolve:
        return core::ResolveIncident{incident, user, text_of(state, ids::resolution)};
    }
    return std::nullopt;
}

std::string subcommand_of(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto end = text.find_first_of(" \t", first);
    std::string word{text.substr(first, end == std::string_view::npos ? end : end - first)};
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return word;
}

std::string argument_of(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto end = text.find_first_of(" \t", first);
    return end == std::string_view::npos ? std::string{} : core::trimmed(text.substr(end));
}

} // namespace cocbot::slack
