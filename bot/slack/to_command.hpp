// File: bot/slack/to_command.hpp
// Slack's button presses and modal submissions to core's vocabulary. Pure: no I/O, no clock.
#pragma once

#include "bot/slack/modals.hpp"
#include "bot/slack/payloads.hpp"
#include "core/commands.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace cocbot::slack {

// A button press that opens a modal: views.open must be called at once (the trigger expires).
struct OpenModal {
    std::string trigger_id;
    core::IncidentId incident;
    ModalKind modal;
};
using ActionIntent = std::variant<core::Command, OpenModal>;

// A button press or select as an intent; nullopt for actions cocbot does not handle.
std::optional<ActionIntent> intent_from_action(const BlockActions& actions);

// A submitted incident modal (every ModalKind) as a command; nullopt for other views.
std::optional<core::Command> command_from_submission(const ViewSubmission& submission);

// `/coc <text>`: the first word, lower-cased; empty for a bare `/coc`.
std::string subcommand_of(std::string_view text);

// `/coc <word> <argument>`: everything after the first word, trimmed.
std::string argument_of(std::string_view text);

} // namespace cocbot::slack
