// File: core/status.cpp
#include "core/status.hpp"

#include "core/names.hpp"

namespace cocbot::core {

namespace {

constexpr NameTable<Status, 5> status_names{{
    {Status::none, "none"},
    {Status::escrowed, "escrowed"},
    {Status::triage, "triage"},
    {Status::handed_off, "handed_off"},
    {Status::resolved, "resolved"},
}};

constexpr NameTable<OwnerRole, 2> role_names{{
    {OwnerRole::primary, "primary"},
    {OwnerRole::secondary, "secondary"},
}};

constexpr NameTable<ReminderKind, 7> reminder_names{{
    {ReminderKind::acknowledge_soon, "acknowledge_soon"},
    {ReminderKind::acknowledge_due, "acknowledge_due"},
    {ReminderKind::owners_missing, "owners_missing"},
    {ReminderKind::conflict_nudge, "conflict_nudge"},
    {ReminderKind::decision_overdue, "decision_overdue"},
    {ReminderKind::reporter_update, "reporter_update"},
    {ReminderKind::hr_report_due, "hr_report_due"},
}};

} // namespace

std::string_view to_string(Status status) {
    return name_in(status_names, status);
}

std::optional<Status> status_from_string(std::string_view text) {
    return value_in(status_names, text);
}

std::string_view to_string(OwnerRole role) {
    return name_in(role_names, role);
}

std::optional<OwnerRole> owner_role_from_string(std::string_view text) {
    return value_in(role_names, text);
}

std::string_view to_string(ReminderKind kind) {
    return name_in(reminder_names, kind);
}

std::optional<ReminderKind> reminder_kind_from_string(std::string_view text) {
    return value_in(reminder_names, text);
}

} // namespace cocbot::core
