// File: bot/slack/to_command.cpp
#include "bot/slack/to_command.hpp"

#include "bot/slack/blocks.hpp"

#include <algorithm>
#include <cctype>

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

std::optional<ActionIntent> intent_from_action(const BlockActions& payload) {
    if (payload.actions.empty() || payload.user_id.empty())
        return std::nullopt;
    const auto& action = payload.actions.front();
    // Buttons carry the incident as their value; selects in the block's id.
    std::string incident_text = action.value;
    if (incident_text.empty() && action.block_id.starts_with(ids::incident_block_prefix))
        incident_text = action.block_id.substr(ids::incident_block_prefix.size());
    if (incident_text.empty())
        return std::nullopt;
    const core::IncidentId incident{incident_text};
    const core::UserId user{payload.user_id};
    const auto& id = action.action_id;
    if (id == ids::conflict_none)
        return core::Command{core::DeclareConflict{incident, user, false}};
    if (id == ids::conflict_declared || id == ids::recuse)
        return core::Command{core::DeclareConflict{incident, user, true}};
    if ((id == ids::owner_primary || id == ids::owner_secondary) && !action.selected_user.empty())
        return core::Command{core::NameOwner{incident, user,
                                             id == ids::owner_primary ? core::OwnerRole::primary
                                                                      : core::OwnerRole::secondary,
                                             core::UserId{action.selected_user}}};
    if (id == ids::ack_reporter)
        return core::Command{core::AcknowledgeReporter{incident, user}};
    if (id == ids::cannot_find || id == ids::reported_found)
        return core::Command{
            core::MarkReportedPersonMissing{incident, user, id == ids::cannot_find}};
    if (id == ids::reporter_followup && !payload.trigger_id.empty())
        return OpenFollowUpModal{payload.trigger_id, incident};
    if (id == ids::immediate_action && !payload.trigger_id.empty())
        return OpenImmediateActionModal{payload.trigger_id, incident};
    if (id == ids::activate_escrow)
        return ActivateEscrowRequest{incident, user};
    return std::nullopt;
}

std::optional<core::Command> command_from_submission(const ViewSubmission& submission) {
    if (submission.private_metadata.empty())
        return std::nullopt;
    const core::IncidentId incident{submission.private_metadata};
    const core::UserId user{submission.user_id};
    if (submission.callback_id == ids::immediate_action_callback)
        return core::RecordImmediateAction{incident, user, text_of(submission.state, ids::action)};
    if (submission.callback_id == ids::followup_callback)
        return core::RecordReporterFollowUp{
            incident, user, text_of(submission.state, ids::note),
            checked(submission.state.find(ids::decision, ids::decision), ids::decision)};
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
