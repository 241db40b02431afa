// File: core/decide/outside.hpp
// The people outside the committee the plan brings in: HR, and law enforcement.
#pragma once

#include "core/commands.hpp"
#include "core/committee.hpp"
#include "core/decision.hpp"
#include "core/incident.hpp"

namespace cocbot::core::detail {

Outcome involve_hr(const Committee& committee, const Incident& incident, const InvolveHr& command,
                   Time now);

Outcome drop_hr(const Committee& committee, const Incident& incident, const DropHr& command,
                Time now);

Outcome record_hr_report(const Committee& committee, const Incident& incident,
                         const RecordHrReport& command, Time now);

Outcome record_law_enforcement(const Committee& committee, const Incident& incident,
                               const RecordLawEnforcement& command, Time now);

} // namespace cocbot::core::detail
