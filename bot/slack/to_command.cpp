// File: bot/slack/to_command.cpp
// Button presses by their action id, and modal submissions by their modal's spec.
#include "bot/slack/to_command.hpp"

#include "bot/slack/ids.hpp"
#include "core/report.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace cocbot::slack {

namespace {

// Buttons that put a motion that needs no words to the vote.
constexpr std::array<std::pair<std::string_view, core::MotionKind>, 4> motion_buttons{{
    {ids::motion_violation, core::MotionKind::violation},
    {ids::motion_keep, core::MotionKind::keep},
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
    if (id == ids::reporter_conflict_none)
        return core::ClearReporterConflict{incident, user};
    if (id == ids::ack_reporter)
        return core::AcknowledgeReporter{incident, user};
    if (id == ids::not_committee_member)
        return core::UndoNameMatch{incident, user};
    if (id == ids::cannot_find || id == ids::reported_found)
        return core::MarkReportedPersonMissing{incident, user, id == ids::cannot_find};
    if (id == ids::hr_done)
        return core::DropHr{incident, user};
    if (id == ids::show_timeline)
        return core::ShowTimeline{incident, user};
    if (id == ids::danger_responding)
        return core::RespondToDanger{incident, user};
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
    if (const auto* modal = modal_by_button(id)) {
        if (payload.trigger_id.empty())
            return std::nullopt;
        return OpenModal{payload.trigger_id, incident, modal->kind};
    }
    // Shown privately where it was pressed: the incident's channel or HR's.
    if (id == ids::show_report)
        return core::Command{core::ShowReport{incident, user, core::ChannelId{payload.channel_id}}};
    if (auto command = plain_command(id, incident, user))
        return std::move(*command);
    return std::nullopt;
}

std::optional<core::Command> command_from_submission(const ViewSubmission& submission) {
    const auto* modal = modal_by_callback(submission.callback_id);
    if (!modal || submission.private_metadata.empty())
        return std::nullopt;
    return modal->command({core::IncidentId{submission.private_metadata},
                           core::UserId{submission.user_id}, submission.state});
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
