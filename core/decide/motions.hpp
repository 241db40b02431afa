// File: core/decide/motions.hpp
// Motions and ballots: a simple majority of the members in the channel decides.
#pragma once

#include "core/commands.hpp"
#include "core/committee.hpp"
#include "core/decision.hpp"
#include "core/incident.hpp"

namespace cocbot::core::detail {

// Counts every open motion against the electorate as it is after the decision's events, and
// decides those that now have a majority. Then brings the messages up to date.
void settle(Decision& decision, const Committee& committee, const Incident& before, Time now);

Outcome propose_motion(const Committee& committee, const Incident& incident,
                       const ProposeMotion& command, Time now);

Outcome cast_ballot(const Committee& committee, const Incident& incident, const CastBallot& command,
                    Time now);

} // namespace cocbot::core::detail
