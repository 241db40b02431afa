// File: core/status.cpp
#include "core/status.hpp"

namespace cocbot::core {

std::string_view to_string(Status status) {
    switch (status) {
    case Status::none:
        return "none";
    case Status::escrowed:
        return "escrowed";
    case Status::triage:
        return "triage";
    case Status::handed_off:
        return "handed_off";
    case Status::resolved:
        return "resolved";
    }
    return "unknown";
}

std::string_view to_string(OwnerRole role) {
    return role == OwnerRole::primary ? "primary" : "secondary";
}

std::string_view to_string(ReminderKind kind) {
    switch (kind) {
    case ReminderKind::acknowledge_soon:
        return "acknowledge_soon";
    case ReminderKind::acknowledge_due:
        return "acknowledge_due";
    case ReminderKind::owners_missing:
        return "owners_missing";
    case ReminderKind::conflict_nudge:
        return "conflict_nudge";
    case ReminderKind::decision_overdue:
        return "decision_overdue";
    case ReminderKind::reporter_update:
        return "reporter_update";
    }
    return "unknown";
}

} // namespace cocbot::core
