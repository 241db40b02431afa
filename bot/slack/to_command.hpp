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

// A button press as a core command; nullopt for actions cocbot does not (yet) handle.
std::optional<core::Command> command_from_action(const BlockActions& actions);

// `/coc <text>`: the first word, lower-cased; empty for a bare `/coc`.
std::string subcommand_of(std::string_view text);

} // namespace cocbot::slack
