// File: core/decide/faults.hpp
// Steps the shell could not carry out: who is told, and where, without telling anyone more.
#pragma once

#include "core/commands.hpp"
#include "core/decision.hpp"
#include "core/incident.hpp"

namespace cocbot::core::detail {

Outcome step_failed(const Incident& incident, const StepFailed& command);

Outcome removal_failed(const Incident& incident, const RemovalFailed& command, Time now);

} // namespace cocbot::core::detail
