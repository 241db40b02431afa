// File: bot/slack/resolution_modal.hpp
// The resolve modal's classification: the kind of behaviour (the committee's categories), the
// outcome (offered as the votes suggest), who the reported person was, and whether the
// transparency report may describe it at all.
#pragma once

#include "bot/slack/modals.hpp"
#include "core/resolution.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::slack {

namespace elements {
nlohmann::json category_select(); // filled from the committee's categories when opened
nlohmann::json outcome_select();
nlohmann::json reported_role_select();
nlohmann::json cannot_anonymise_checkbox();
} // namespace elements

// The resolve modal for views.open, with `categories` to choose from and `suggested` chosen.
nlohmann::json resolution_modal(std::string_view incident,
                                const std::vector<std::string>& categories,
                                core::ResolutionOutcome suggested);

// The submitted resolve modal as core's command (core checks the category against the list).
std::optional<core::Command> resolution_command(const Submitted& submitted);

} // namespace cocbot::slack
