// File: core/decide/outside.hpp
// Law enforcement, brought in only at the reporter's request (HR: core/decide/hr.hpp).
#pragma once

#include "core/commands.hpp"
#include "core/committee.hpp"
#include "core/decision.hpp"
#include "core/incident.hpp"

namespace cocbot::core::detail {

Outcome record_law_enforcement(const Committee& committee, const Incident& incident,
                               const RecordLawEnforcement& command, Time now);

} // namespace cocbot::core::detail
