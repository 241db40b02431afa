// File: bot/slack/answers.hpp
// What cocbot tells one member privately: `/coc list`, `/coc status`, App Home and the help.
// Each shows only what core's read models let this member see.
#pragma once

#include "core/overview.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::slack {

// `/coc list`: the caller's incidents and unanswered conflict questions.
std::string list_text(const core::Overview& overview);

// `/coc status <ref>` for someone cleared for it, with the time left on each open deadline.
std::string status_text(const core::IncidentSummary& summary, core::Time now);

// The answer for an unknown reference, and for one the caller may not see: the same words.
std::string unknown_incident_text(std::string_view reference);

// App Home: the member's open incidents and pending conflict declarations.
// App Home; a committee member also gets the committee's own actions.
nlohmann::json home_view(const core::Overview& overview, bool member = false);

// `/coc help`, and the answer to anything `/coc` does not understand: a bullet for each of
// `lines` (one per subcommand) between what cocbot is and what to do in immediate danger.
std::string help_text(const std::vector<std::string_view>& lines);

} // namespace cocbot::slack
