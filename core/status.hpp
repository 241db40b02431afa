// File: core/status.hpp
// Where an incident stands in the plan, and who holds which role in it.
#pragma once

#include <string_view>

namespace cocbot::core {

enum class Status {
    none,     // no report filed under this reference
    escrowed, // stored, not acted on
    triage,   // the committee is being asked about conflicts; the private channel is open
};

std::string_view to_string(Status status);

enum class Declaration { no_conflict, conflict };

enum class OwnerRole { primary, secondary };

std::string_view to_string(OwnerRole role);

} // namespace cocbot::core
