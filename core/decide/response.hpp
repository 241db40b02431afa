// File: core/decide/response.hpp
// The committee's response: owners, the reporter, the conversation, resolution, deadlines.
#pragma once

#include "core/commands.hpp"
#include "core/committee.hpp"
#include "core/decision.hpp"
#include "core/incident.hpp"

namespace cocbot::core::detail {

Outcome name_owner(const Committee& committee, const Incident& incident, const NameOwner& command,
                   Time now);

Outcome record_immediate_action(const Incident& incident, const RecordImmediateAction& command,
                                Time now);

Outcome acknowledge_reporter(const Committee& committee, const Incident& incident,
                             const AcknowledgeReporter& command, Time now);

Outcome mark_missing(const Committee& committee, const Incident& incident,
                     const MarkReportedPersonMissing& command, Time now);

Outcome record_follow_up(const Incident& incident, const RecordReporterFollowUp& command, Time now);

Outcome record_conversation(const Incident& incident, const RecordConversation& command, Time now);

Outcome resolve_incident(const Committee& committee, const Incident& incident,
                         const ResolveIncident& command, Time now);

Outcome show_timeline(const Incident& incident, const ShowTimeline& command);

// Sends every reminder whose time has come, each once; the shell calls this when the
// incident's check time (next_check) arrives, and after a restart for every check it missed.
Outcome check_deadlines(const Committee& committee, const Incident& incident, Time now);

} // namespace cocbot::core::detail
