// File: core/decide.hpp
// The response plan as one pure function: given what is known and what was asked, what happens.
#pragma once

#include "core/commands.hpp"
#include "core/committee.hpp"
#include "core/decision.hpp"
#include "core/incident.hpp"
#include "core/time.hpp"

namespace cocbot::core {

Outcome decide(const Committee& committee, const Incident& incident, const Command& command,
               Time now);

} // namespace cocbot::core
