// File: core/decide.cpp
// decide() only dispatches: each command's rule lives in core/decide/, one file per part of
// the plan.
#include "core/decide.hpp"

#include "core/decide/danger.hpp"
#include "core/decide/faults.hpp"
#include "core/decide/hr.hpp"
#include "core/decide/intake.hpp"
#include "core/decide/motions.hpp"
#include "core/decide/outside.hpp"
#include "core/decide/report_choices.hpp"
#include "core/decide/response.hpp"
#include "core/decide/roster.hpp"
#include "core/overloaded.hpp"

namespace cocbot::core {

using namespace detail;

namespace {

// Which of the incident's channels Slack speaks of. None named: the incident's own. One that is
// neither (an earlier channel, archived since) changes nothing.
enum class Where { incident, hr, elsewhere };

Where where(const Incident& incident, const ChannelId& channel) {
    if (channel.empty() || channel == incident.channel)
        return Where::incident;
    return channel == incident.hr_channel ? Where::hr : Where::elsewhere;
}

} // namespace

Outcome decide(const Committee& committee, const Incident& incident, const Command& command,
               Time now) {
    return std::visit(
        overloaded{
            [&](const SubmitReport& c) { return submit_report(committee, incident, c, now); },
            [&](const DeclareConflict& c) {
                // The committee's question first: an HR contact on it answers as a member.
                return incident.hr_asked(c.member) && !incident.asked(c.member)
                           ? hr_contact_answered(incident, c, now)
                           : declare_conflict(committee, incident, c, now);
            },
            [&](const RecordMessagePosted& c) {
                return record_message_posted(committee, incident, c);
            },
            [&](const ChannelCreated& c) {
                return c.role == ChannelRole::hr ? hr_channel_created(incident, c)
                                                 : channel_created(committee, incident, c, now);
            },
            [&](const MemberJoined& c) {
                switch (where(incident, c.channel)) {
                case Where::incident:
                    return member_joined(committee, incident, c, now);
                case Where::hr:
                    return hr_member_joined(incident, c, now);
                default:
                    return Outcome{Decision{}};
                }
            },
            [&](const RemovalFailed& c) { return removal_failed(incident, c, now); },
            [&](const NameOwner& c) { return name_owner(committee, incident, c, now); },
            [&](const RecordImmediateAction& c) {
                return record_immediate_action(incident, c, now);
            },
            [&](const UndoNameMatch& c) { return undo_name_match(committee, incident, c, now); },
            [&](const AcknowledgeReporter& c) {
                return acknowledge_reporter(committee, incident, c, now);
            },
            [&](const CheckDeadlines&) { return check_deadlines(committee, incident, now); },
            [&](const MarkReportedPersonMissing& c) {
                return mark_missing(committee, incident, c, now);
            },
            [&](const RecordReporterFollowUp& c) { return record_follow_up(incident, c, now); },
            [&](const ProposeMotion& c) { return propose_motion(committee, incident, c, now); },
            [&](const CastBallot& c) { return cast_ballot(committee, incident, c, now); },
            [&](const MemberLeft& c) {
                // Only the incident channel's members vote: leaving another changes nothing.
                return where(incident, c.channel) == Where::incident
                           ? member_left(committee, incident, c, now)
                           : Outcome{Decision{}};
            },
            [&](const InvolveHr& c) { return involve_hr(committee, incident, c, now); },
            [&](const DropHr& c) { return drop_hr(committee, incident, c, now); },
            [&](const AskHr& c) { return ask_hr(incident, c, now); },
            [&](const RecordHrInformation& c) { return record_hr_information(incident, c, now); },
            [&](const RecordHrReport& c) { return record_hr_report(committee, incident, c, now); },
            [&](const RecordLawEnforcement& c) {
                return record_law_enforcement(committee, incident, c, now);
            },
            [&](const RecordConversation& c) { return record_conversation(incident, c, now); },
            [&](const ResolveIncident& c) { return resolve_incident(committee, incident, c, now); },
            [&](const ShowTimeline& c) { return show_timeline(incident, c); },
            [&](const ShowReport& c) { return show_report(incident, c); },
            [&](const RespondToDanger& c) {
                return respond_to_danger(committee, incident, c, now);
            },
            [&](const StepFailed& c) { return step_failed(incident, c); },
            [&](const ClearReporterConflict& c) {
                return clear_reporter_conflict(incident, c, now);
            },
            [&](const RosterMemberRemoved& c) {
                return roster_member_removed(committee, incident, c, now);
            },
            [&](const RosterMemberAdded& c) {
                return roster_member_added(committee, incident, c, now);
            },
        },
        command);
}

} // namespace cocbot::core
