// File: core/decide/intake.hpp
// Reports, conflicts of interest, and who is in the incident channel.
#pragma once

#include "core/commands.hpp"
#include "core/committee.hpp"
#include "core/decision.hpp"
#include "core/incident.hpp"

namespace cocbot::core::detail {

Outcome submit_report(const Committee& committee, const Incident& incident,
                      const SubmitReport& command, Time now);

Outcome declare_conflict(const Committee& committee, const Incident& incident,
                         const DeclareConflict& command, Time now);

Outcome record_message_posted(const Committee& committee, const Incident& incident,
                              const RecordMessagePosted& command);

Outcome channel_created(const Committee& committee, const Incident& incident,
                        const ChannelCreated& command, Time now);

// A cleared member says the match by name was wrong: the matched members are asked too.
Outcome undo_name_match(const Committee& committee, const Incident& incident,
                        const UndoNameMatch& command, Time now);

Outcome clear_reporter_conflict(const Incident& incident, const ClearReporterConflict& command,
                                Time now);

Outcome member_joined(const Committee& committee, const Incident& incident,
                      const MemberJoined& command, Time now);

Outcome member_left(const Committee& committee, const Incident& incident, const MemberLeft& command,
                    Time now);

} // namespace cocbot::core::detail
