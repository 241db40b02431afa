// File: core/decide/hr.hpp
// HR's part, as the plan limits it: HR never sees the incident channel. Each contact is asked
// about conflicts first; those without one join HR's own channel, which receives the report only
// at a hand-off, and is archived when HR is done.
#pragma once

#include "core/commands.hpp"
#include "core/committee.hpp"
#include "core/decision.hpp"
#include "core/incident.hpp"

namespace cocbot::core::detail {

Outcome involve_hr(const Committee& committee, const Incident& incident, const InvolveHr& command,
                   Time now);

// An HR contact's answer to the conflict question (the committee's buttons, sent by DM).
Outcome hr_contact_answered(const Incident& incident, const DeclareConflict& command, Time now);

Outcome hr_channel_created(const Incident& incident, const ChannelCreated& command);

// Someone joined HR's channel: only cleared members and HR contacts without a conflict stay.
Outcome hr_member_joined(const Incident& incident, const MemberJoined& command, Time now);

// A cleared member's question, posted in HR's channel (and a line in the incident's).
Outcome ask_hr(const Incident& incident, const AskHr& command, Time now);

Outcome record_hr_information(const Incident& incident, const RecordHrInformation& command,
                              Time now);

Outcome drop_hr(const Committee& committee, const Incident& incident, const DropHr& command,
                Time now);

Outcome record_hr_report(const Committee& committee, const Incident& incident,
                         const RecordHrReport& command, Time now);

} // namespace cocbot::core::detail
