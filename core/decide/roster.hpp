// File: core/decide/roster.hpp
// The roster is live: a member who leaves the committee loses every incident at once, and one
// who joins is asked about every open one.
#pragma once

#include "core/commands.hpp"
#include "core/committee.hpp"
#include "core/decision.hpp"
#include "core/incident.hpp"

namespace cocbot::core::detail {

// Access goes first: out of the incident's channels, direct messages withdrawn, ballots no
// longer counted, and only then the channel told.
Outcome roster_member_removed(const Committee& committee, const Incident& incident,
                              const RosterMemberRemoved& command, Time now);

// Asked the conflict question by direct message; never asked (conflicted at once) if they may
// be the reported person or are the reporter.
Outcome roster_member_added(const Committee& committee, const Incident& incident,
                            const RosterMemberAdded& command, Time now);

} // namespace cocbot::core::detail
