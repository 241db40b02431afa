// File: core/events.hpp
// One struct per fact that happened to an incident. An incident's state is the fold of these.
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

#include <variant>
#include <vector>

namespace cocbot::core {

struct ReportFiled {
    IncidentId incident;
    Time at;
    Report report;
    // Who submitted the modal; empty for anonymous reports, so no identity is ever stored.
    UserId submitted_by;
    // The roster when the report came in, less the reported person: these members are asked.
    std::vector<UserId> committee;
    ChannelId committee_channel;
    // The reported person serves on the committee: conflicted automatically, and the prompt goes
    // by direct message so that they never learn the incident exists.
    bool reported_is_member = false;
    // Escrowed reports about the same person, found by the shell when this one came in.
    std::vector<IncidentId> escrow_matches;
    // A report in escrow that found others in escrow about the same person: the pattern the
    // plan acts on. The incident opens, but its own report, like the others, is shown only when
    // the committee votes to share them (escrow_matches then ends with this incident).
    bool pattern = false;
    // Members whose Slack names match the typed name of the reported person: conflicted at once
    // and never asked, until a cleared member says the match is wrong (NameMatchUndone).
    std::vector<UserId> name_matched{};
    // People in the committee channel who are not on the roster, named there for the first time
    // by this report's notice (the prompt went to each member by direct message instead).
    std::vector<UserId> strangers_named{};

    friend bool operator==(const ReportFiled&, const ReportFiled&) = default;
};

struct ConflictDeclared {
    UserId member;
    bool conflicted = false;
    Time at;

    friend bool operator==(const ConflictDeclared&, const ConflictDeclared&) = default;
};

struct MessagePosted {
    MessageRef message;
    MessageKind kind = MessageKind::notice;
    int motion = 0; // for MessageKind::motion: which motion the message shows
    // For a direct message: to whom, so that it can be withdrawn if they leave the committee.
    UserId to{};

    friend bool operator==(const MessagePosted&, const MessagePosted&) = default;
};

struct ChannelOpened {
    ChannelId channel;

    friend bool operator==(const ChannelOpened&, const ChannelOpened&) = default;
};

struct OwnerNamed {
    OwnerRole role = OwnerRole::primary;
    UserId owner;
    UserId by;
    Time at;

    friend bool operator==(const OwnerNamed&, const OwnerNamed&) = default;
};

// Someone who is not cleared appeared in the incident channel; cocbot removes them.
struct UnclearedMemberFound {
    UserId user;
    Time at;

    friend bool operator==(const UnclearedMemberFound&, const UnclearedMemberFound&) = default;
};

// Slack would not remove them (e.g. restricted_action): the owners must act by hand.
struct RemovalRefused {
    UserId user;
    std::string error;
    Time at;

    friend bool operator==(const RemovalRefused&, const RemovalRefused&) = default;
};

// A responder acted on immediate danger without a vote, as the plan allows.
struct ImmediateActionRecorded {
    UserId by;
    std::string action;
    Time at;

    friend bool operator==(const ImmediateActionRecorded&,
                           const ImmediateActionRecorded&) = default;
};

// A member said, on the immediate-danger alert, that they are responding to it.
struct DangerResponded {
    UserId member;
    Time at;

    friend bool operator==(const DangerResponded&, const DangerResponded&) = default;
};

// Earlier escrowed reports about the same person were shared with this incident's members.
struct EscrowActivated {
    std::vector<IncidentId> escrowed;
    UserId by;
    Time at;

    friend bool operator==(const EscrowActivated&, const EscrowActivated&) = default;
};

// The committee told the reporter that the report is being handled.
struct ReporterAcknowledged {
    UserId by;
    Time at;

    friend bool operator==(const ReporterAcknowledged&, const ReporterAcknowledged&) = default;
};

// A cleared member said the reported person is none of the members matched by name: those
// members are asked the conflict question like the others.
struct NameMatchUndone {
    UserId by;
    Time at;

    friend bool operator==(const NameMatchUndone&, const NameMatchUndone&) = default;
};

// A reminder went out; each is sent once (`member` only for conflict nudges).
struct ReminderSent {
    ReminderKind kind = ReminderKind::acknowledge_soon;
    UserId member;
    Time at;

    friend bool operator==(const ReminderSent&, const ReminderSent&) = default;
};

// The owners cannot find the reported person (or found them again).
struct ReportedPersonMissing {
    bool missing = true;
    UserId by;
    Time at;

    friend bool operator==(const ReportedPersonMissing&, const ReportedPersonMissing&) = default;
};

// What was told to the reporter, and when; `decision` when it was the committee's decision.
struct ReporterFollowedUp {
    UserId by;
    std::string note;
    bool decision = false;
    Time at;

    friend bool operator==(const ReporterFollowedUp&, const ReporterFollowedUp&) = default;
};

// A member put a question to the incident's electorate.
struct MotionProposed {
    int motion = 0;
    MotionKind kind = MotionKind::custom;
    std::string text;
    UserId by;
    Time at;

    friend bool operator==(const MotionProposed&, const MotionProposed&) = default;
};

// A ballot, first or changed; every one is kept.
struct BallotCast {
    int motion = 0;
    UserId voter;
    bool yes = false;
    Time at;

    friend bool operator==(const BallotCast&, const BallotCast&) = default;
};

// A simple majority of the electorate voted the same way; the count is kept as it stood.
struct MotionDecided {
    int motion = 0;
    bool passed = false;
    int yes = 0;
    int no = 0;
    int electorate = 0;
    Time at;

    friend bool operator==(const MotionDecided&, const MotionDecided&) = default;
};

// A cleared member left the incident channel (they stay cleared, but do not vote while away).
struct MemberLeftChannel {
    UserId user;
    Time at;

    friend bool operator==(const MemberLeftChannel&, const MemberLeftChannel&) = default;
};

// A cleared member who had left came back to the channel.
struct MemberReturned {
    UserId user;
    Time at;

    friend bool operator==(const MemberReturned&, const MemberReturned&) = default;
};

// HR was brought in: to inform the committee, or to take the incident over. `contacts` are the
// HR contacts asked about conflicts (none who is the reported person, the reporter, or
// conflicted).
struct HrInvolved {
    HrScope scope = HrScope::informing;
    std::vector<UserId> contacts;
    UserId by;
    Time at;
    // HR gets a channel of its own. False only in events stored by earlier versions, which
    // invited HR into the incident channel: those contacts stay there until HR done.
    bool own_channel = false;

    friend bool operator==(const HrInvolved&, const HrInvolved&) = default;
};

// HR gave what it had, or the incident closed: HR's channel is archived.
struct HrDropped {
    UserId by;
    Time at;

    friend bool operator==(const HrDropped&, const HrDropped&) = default;
};

// An HR contact answered the conflict question, asked by direct message before HR sees
// anything. One with a conflict is never added to HR's channel.
struct HrContactAnswered {
    UserId contact;
    bool conflicted = false;
    Time at;

    friend bool operator==(const HrContactAnswered&, const HrContactAnswered&) = default;
};

// HR's own private channel for this involvement exists (never the incident's channel).
struct HrChannelOpened {
    ChannelId channel;

    friend bool operator==(const HrChannelOpened&, const HrChannelOpened&) = default;
};

// A cleared member's question to HR, posted in HR's channel.
struct HrAsked {
    std::string question;
    UserId by;
    Time at;

    friend bool operator==(const HrAsked&, const HrAsked&) = default;
};

// What HR told the committee, as a cleared member recorded it.
struct HrInformed {
    std::string information;
    PastInstances past = PastInstances::unknown;
    UserId by;
    Time at;

    friend bool operator==(const HrInformed&, const HrInformed&) = default;
};

// HR reported back after a hand-off.
struct HrReported {
    HrReport report;
    UserId by;
    Time at;

    friend bool operator==(const HrReported&, const HrReported&) = default;
};

// At the reporter's request, law enforcement is involved; the leadership contacts were told.
struct LawEnforcementInvolved {
    std::string note; // what was shared with law enforcement
    std::vector<UserId> notified;
    UserId by;
    Time at;

    friend bool operator==(const LawEnforcementInvolved&, const LawEnforcementInvolved&) = default;
};

// Two members talked to the reported person.
struct ConversationRecorded {
    Conversation conversation;
    UserId by;
    Time at;

    friend bool operator==(const ConversationRecorded&, const ConversationRecorded&) = default;
};

// The incident is closed and its channel archived. The category, outcome and role are what the
// transparency report counts (they stay when retention erases the words).
struct IncidentResolved {
    std::string resolution; // in general words: the transparency report may quote it
    UserId by;
    Time at;
    std::string category; // one of the committee's transparency categories; empty in older rows
    ResolutionOutcome outcome = ResolutionOutcome::unrecorded;
    ReportedRole role = ReportedRole::unrecorded;
    bool cannot_anonymise = false; // the report says only "A report was made."

    friend bool operator==(const IncidentResolved&, const IncidentResolved&) = default;
};

// A cleared member, let into the incident's channel for the first time, was asked privately
// whether they have a conflict of interest with the reporter, whom the channel shows.
struct ReporterConflictAsked {
    UserId member;
    Time at;

    friend bool operator==(const ReporterConflictAsked&, const ReporterConflictAsked&) = default;
};

// They answered that they have none. (A conflict is a recusal: ConflictDeclared.)
struct ReporterConflictCleared {
    UserId member;
    Time at;

    friend bool operator==(const ReporterConflictCleared&,
                           const ReporterConflictCleared&) = default;
};

// The member left the committee's roster: every right they had in this incident is gone (their
// declaration, their ballots, their ownership, their place in its channels).
struct MemberRemovedFromCommittee {
    UserId user;
    Time at;

    friend bool operator==(const MemberRemovedFromCommittee&,
                           const MemberRemovedFromCommittee&) = default;
};

// A member joined the committee's roster while this incident was open: they are asked the
// conflict question like the others.
struct MemberAddedToCommittee {
    UserId user;
    Time at;

    friend bool operator==(const MemberAddedToCommittee&, const MemberAddedToCommittee&) = default;
};

// A re-opening motion passed: the incident is open again.
struct IncidentReopened {
    int motion = 0;
    Time at;

    friend bool operator==(const IncidentReopened&, const IncidentReopened&) = default;
};

using Event =
    std::variant<ReportFiled, ConflictDeclared, MessagePosted, ChannelOpened, OwnerNamed,
                 UnclearedMemberFound, RemovalRefused, ImmediateActionRecorded, EscrowActivated,
                 ReporterAcknowledged, ReminderSent, ReportedPersonMissing, ReporterFollowedUp,
                 MotionProposed, BallotCast, MotionDecided, MemberLeftChannel, MemberReturned,
                 HrInvolved, HrDropped, HrReported, LawEnforcementInvolved, ConversationRecorded,
                 IncidentResolved, IncidentReopened, ReporterConflictAsked, ReporterConflictCleared,
                 HrContactAnswered, HrChannelOpened, HrAsked, HrInformed, NameMatchUndone,
                 MemberRemovedFromCommittee, MemberAddedToCommittee, DangerResponded>;

} // namespace cocbot::core
