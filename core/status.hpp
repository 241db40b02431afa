// File: core/status.hpp
// Where an incident stands in the plan, and who holds which role in it.
#pragma once

#include <optional>
#include <string_view>

namespace cocbot::core {

enum class Status {
    none,       // no report filed under this reference
    escrowed,   // stored, not acted on
    triage,     // open: the committee is handling it in the private channel
    handed_off, // only employees are involved: HR handles it and reports back
    resolved,   // closed, its channel archived; it can be re-opened by a vote
};

std::string_view to_string(Status status);
std::optional<Status> status_from_string(std::string_view text);

enum class Declaration { no_conflict, conflict };

enum class OwnerRole { primary, secondary };

std::string_view to_string(OwnerRole role);
std::optional<OwnerRole> owner_role_from_string(std::string_view text);

enum class ReminderKind {
    acknowledge_soon, // 75% of the acknowledgement time has passed
    acknowledge_due,  // the acknowledgement deadline has passed
    owners_missing,   // no owners named a while after the channel opened
    conflict_nudge,   // one member has not answered the conflict question
    decision_overdue, // the decision was not communicated in time: tell the reporter it takes
                      // longer
    reporter_update,  // the reported person cannot be found: update the reporter (daily)
    hr_report_due,    // handed off to HR, which has not reported back: chase HR (weekly)
};

std::string_view to_string(ReminderKind kind);
std::optional<ReminderKind> reminder_kind_from_string(std::string_view text);

} // namespace cocbot::core
