// File: core/commands.hpp
// One struct per intent: what a person asked for, or what the shell learned from Slack.
#pragma once

#include "core/conversation.hpp"
#include "core/hr.hpp"
#include "core/ids.hpp"
#include "core/messages.hpp"
#include "core/motion.hpp"
#include "core/report.hpp"
#include "core/resolution.hpp"
#include "core/status.hpp"
#include "core/time.hpp"

#include <string>
#include <variant>
#include <vector>

namespace cocbot::core {

// Someone submitted the report modal. The shell allocates the reference before deciding.
struct SubmitReport {
    IncidentId incident;
    UserId submitted_by;
    Report report;
    // Facts the shell gathered: escrowed reports that name the same person.
    std::vector<IncidentId> escrow_matches;
};

// A committee member answered the triage prompt.
struct DeclareConflict {
    IncidentId incident;
    UserId member;
    bool conflicted = false;
};

// The executor posted a message that core wants to address later (to update it in place).
struct RecordMessagePosted {
    IncidentId incident;
    MessageRef message;
    MessageKind kind;
    int motion = 0;   // for MessageKind::motion
    UserId to_user{}; // for a direct message: to whom
};

// The executor created (or found) the incident's private channel.
struct ChannelCreated {
    IncidentId incident;
    ChannelId channel;
    ChannelRole role = ChannelRole::incident;
};

// Slack says `user` joined one of the incident's channels (none named: its own).
struct MemberJoined {
    IncidentId incident;
    UserId user;
    ChannelId channel{};
};

// Slack refused to remove `user` from the incident's channel.
struct RemovalFailed {
    IncidentId incident;
    UserId user;
    std::string error;
    ChannelId channel{}; // none named: the incident's own
};

// A step that matters for who can read the report failed for good (the executor gave up on
// it): the people who answer for the incident must hear of it and act by hand.
enum class FailedStep { create_channel, invite, create_hr_channel };

struct StepFailed {
    IncidentId incident;
    FailedStep step = FailedStep::create_channel;
    UserId user;         // for an invite: who could not be added
    std::string error;   // Slack's error name or the failure's class, never content
    ChannelId channel{}; // for an invite: where to
};

struct NameOwner {
    IncidentId incident;
    UserId by;
    OwnerRole role = OwnerRole::primary;
    UserId owner;
};

struct RecordImmediateAction {
    IncidentId incident;
    UserId by;
    std::string action;
};

// A responder says, on the immediate-danger alert, that they are responding to it.
struct RespondToDanger {
    IncidentId incident;
    UserId by;
};

// A cleared member records that the reporter was acknowledged (the control message's button).
struct AcknowledgeReporter {
    IncidentId incident;
    UserId by;
};

// A cleared member says the reported person is not the committee member matched by name.
struct UndoNameMatch {
    IncidentId incident;
    UserId by;
};

// The scheduler: this incident's next check time has come.
struct CheckDeadlines {
    IncidentId incident;
};

// The control message's "cannot find the reported person" toggle.
struct MarkReportedPersonMissing {
    IncidentId incident;
    UserId by;
    bool missing = true;
};

// The follow-up modal: what was communicated to the reporter.
struct RecordReporterFollowUp {
    IncidentId incident;
    UserId by;
    std::string note;
    bool decision = false;
};

// A member puts a question to the electorate: a standard motion from the control message,
// `/coc vote <text>`, sharing escrowed reports, or re-opening the incident.
struct ProposeMotion {
    IncidentId incident;
    UserId by;
    MotionKind kind = MotionKind::custom;
    std::string text;                      // plan, refusal, custom, reopen (a reason); else empty
    std::vector<std::string> consequences; // consequences: ids from possible_consequences()
};

struct CastBallot {
    IncidentId incident;
    int motion = 0;
    UserId voter;
    bool yes = false;
};

// Slack says `user` left the incident's channel.
struct MemberLeft {
    IncidentId incident;
    UserId user;
    ChannelId channel{}; // none named: the incident's own
};

// "Ask HR": a cleared member's question, in their own words, for HR's channel.
struct AskHr {
    IncidentId incident;
    UserId by;
    std::string question;
};

// "Record HR's information": what HR told the committee, and whether HR knows of past
// instances of similar behaviour.
struct RecordHrInformation {
    IncidentId incident;
    UserId by;
    std::string information;
    PastInstances past = PastInstances::unknown;
};

struct InvolveHr {
    IncidentId incident;
    UserId by;
    HrScope scope = HrScope::informing;
};

// "HR done": HR has given its information; remove the HR contacts.
struct DropHr {
    IncidentId incident;
    UserId by;
};

struct RecordHrReport {
    IncidentId incident;
    UserId by;
    HrReport report;
};

struct RecordLawEnforcement {
    IncidentId incident;
    UserId by;
    bool reporter_asked = false; // the plan: only at the reporter's request
    std::string note;
};

struct RecordConversation {
    IncidentId incident;
    UserId by;
    Conversation conversation;
};

struct ResolveIncident {
    IncidentId incident;
    UserId by;
    std::string resolution;
    std::string category; // one of Committee::transparency.categories
    ResolutionOutcome outcome = ResolutionOutcome::unrecorded;
    ReportedRole role = ReportedRole::unrecorded;
    bool cannot_anonymise = false;
};

// Post the incident's timeline in its channel.
struct ShowTimeline {
    IncidentId incident;
    UserId by;
};

// Show the details of a report behind a content warning to `by` alone, in `channel` (the
// incident's, or HR's).
struct ShowReport {
    IncidentId incident;
    UserId by;
    ChannelId channel;
};

// A cleared member says they have no conflict of interest with the reporter.
struct ClearReporterConflict {
    IncidentId incident;
    UserId member;
};

// The shell found that `member` left the committee's roster (or joined it): each incident is
// told, removals before anything else happens.
struct RosterMemberRemoved {
    IncidentId incident;
    UserId member;
};

struct RosterMemberAdded {
    IncidentId incident;
    UserId member;
};

using Command =
    std::variant<SubmitReport, DeclareConflict, RecordMessagePosted, ChannelCreated, MemberJoined,
                 RemovalFailed, NameOwner, RecordImmediateAction, AcknowledgeReporter,
                 CheckDeadlines, MarkReportedPersonMissing, RecordReporterFollowUp, ProposeMotion,
                 CastBallot, MemberLeft, InvolveHr, DropHr, RecordHrReport, RecordLawEnforcement,
                 RecordConversation, ResolveIncident, ShowTimeline, StepFailed,
                 ClearReporterConflict, AskHr, RecordHrInformation, UndoNameMatch,
                 RosterMemberRemoved, RosterMemberAdded, ShowReport, RespondToDanger>;

inline const IncidentId& incident_of(const Command& command) {
    return std::visit([](const auto& c) -> const IncidentId& { return c.incident; }, command);
}

} // namespace cocbot::core
