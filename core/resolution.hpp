// File: core/resolution.hpp
// How an incident ended, in the terms the transparency report counts: the outcome, and who the
// reported person was to the event. Stored by name; `unrecorded` is what older rows say.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace cocbot::core {

struct Incident;

enum class ResolutionOutcome {
    unrecorded,
    no_violation,
    warning,
    behavioural_plan,
    removed_from_event,
    banned,
    referred_to_hr,
    other,
};

std::string_view to_string(ResolutionOutcome outcome);
std::optional<ResolutionOutcome> outcome_from_string(std::string_view text);
std::string_view describe(ResolutionOutcome outcome); // "a warning", for a sentence
// The outcomes a committee may choose, in the resolve modal's order.
const std::vector<ResolutionOutcome>& chosen_outcomes();

enum class ReportedRole { unrecorded, speaker, attendee, volunteer, staff, other };

std::string_view to_string(ReportedRole role);
std::optional<ReportedRole> reported_role_from_string(std::string_view text);
std::string_view describe(ReportedRole role); // "a speaker"
const std::vector<ReportedRole>& chosen_roles();

// The committee's last vote on whether it was a violation says; without one, HR's finding.
bool found_no_violation(const Incident& incident);

// What the decided motions and HR's part say the outcome was, for the resolve modal to offer:
// the members may change it.
ResolutionOutcome suggested_outcome(const Incident& incident);

} // namespace cocbot::core
