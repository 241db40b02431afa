// File: bot/slack/to_command.hpp
// Slack payloads to core's vocabulary. Pure: no I/O, no clock.
#pragma once

#include "bot/slack/payloads.hpp"
#include "core/commands.hpp"
#include "core/report.hpp"

#include <optional>
#include <variant>
#include <vector>

namespace cocbot::slack {

// The report modal's state as a core report, or the fields Slack must flag inline.
using ReportOrErrors = std::variant<core::Report, std::vector<core::FieldError>>;
ReportOrErrors report_from_view(const ViewState& state);

// Button presses that need the shell before core: a modal to open, or facts to gather.
struct OpenImmediateActionModal {
    std::string trigger_id;
    core::IncidentId incident;
};
struct OpenFollowUpModal {
    std::string trigger_id;
    core::IncidentId incident;
};
struct ActivateEscrowRequest {
    core::IncidentId incident;
    core::UserId by;
};
using ActionIntent =
    std::variant<core::Command, OpenImmediateActionModal, OpenFollowUpModal, ActivateEscrowRequest>;

// A button press or select as an intent; nullopt for actions cocbot does not handle.
std::optional<ActionIntent> intent_from_action(const BlockActions& actions);

// The immediate-action and follow-up modals' submissions as commands; nullopt for other modals.
std::optional<core::Command> command_from_submission(const ViewSubmission& submission);

// `/coc <text>`: the first word, lower-cased; empty for a bare `/coc`.
std::string subcommand_of(std::string_view text);

// `/coc <word> <argument>`: everything after the first word, trimmed.
std::string argument_of(std::string_view text);

} // namespace cocbot::slack
