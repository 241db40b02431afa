// File: core/incident.hpp
// An incident's state: the fold of its events. Nothing here is ever stored directly.
#pragma once

#include "core/committee.hpp"
#include "core/events.hpp"

#include <map>
#include <optional>

namespace cocbot::core {

// A message about the incident sent to one person: withdrawn if they leave the committee.
struct DirectMessage {
    UserId to;
    MessageRef message;
    MessageKind kind = MessageKind::triage_prompt;

    friend bool operator==(const DirectMessage&, const DirectMessage&) = default;
};

struct Incident {
    IncidentId id;
    Status status = Status::none;
    Time filed_at{};
    Report report;
    UserId submitted_by;
    std::vector<UserId> committee;
    ChannelId committee_channel;
    std::map<UserId, Declaration> declarations;
    bool reported_is_member = false;
    std::optional<MessageRef> triage_prompt;
    std::optional<MessageRef> danger_alert;     // in the committee channel
    std::vector<UserId> responding;             // to the immediate danger, by the alert's button
    std::vector<DirectMessage> direct_messages; // conflict prompts and alerts sent privately
    ChannelId channel; // the private incident channel, once Slack created it
    std::optional<MessageRef> control_panel;
    UserId primary_owner;
    UserId secondary_owner;
    std::vector<IncidentId> escrow_matches;
    std::vector<IncidentId> escrow_activated;
    bool pattern = false;
    std::vector<UserId> name_matched; // members the typed name matched, not asked
    bool name_match_undone = false;
    std::optional<Time> acknowledged_at;
    std::vector<ReminderSent> reminders_sent;
    std::optional<Time> missing_since; // the reported person cannot be found since then
    std::vector<ReporterFollowedUp> follow_ups;
    std::vector<Motion> motions; // numbered from 1: motions[n - 1]
    std::map<int, MessageRef> motion_messages;
    std::vector<UserId> away;          // cleared members who left the channel
    std::optional<HrInvolved> hr;      // HR involved, until done (or the incident closed)
    std::vector<UserId> hr_cleared;    // HR contacts who answered that they have no conflict
    std::vector<UserId> hr_conflicted; // and those who have one: never added
    ChannelId hr_channel;              // HR's own channel for this involvement, once created
    int hr_channels_opened = 0;        // each involvement gets a new one
    std::optional<HrReported> hr_report;
    std::optional<Time> handed_off_at;             // the current hand-off to HR began
    std::vector<UserId> reporter_conflict_asked;   // asked about a conflict with the reporter
    std::vector<UserId> reporter_conflict_cleared; // and answered that they have none
    std::vector<LawEnforcementInvolved> law_enforcement;
    std::vector<ConversationRecorded> conversations;
    std::optional<IncidentResolved> resolution;
    // What members recorded, in order, as the channel quotes it: immediate actions, follow-ups,
    // conversations, questions to HR and its information, HR's reports, law enforcement notes,
    // resolutions (see QuoteRef).
    std::vector<std::string> records;
    int channels_opened = 0; // a re-opened incident gets a new channel
    bool archived = false;   // the current channel is archived: nothing can happen in it
    std::vector<TimelineLine> timeline;

    bool exists() const { return status != Status::none; }
    // A motion to keep the records passed: no retention period erases them.
    bool kept() const;
    // Being handled: by the committee, or by HR after a hand-off, the committee still owing the
    // reporter its follow-up.
    bool open() const { return status == Status::triage || status == Status::handed_off; }
    bool asked(const UserId& member) const;
    // Whether `member` has any part in this incident: asked, declared, matched by name, or sent
    // a direct message about it.
    bool involves(const UserId& member) const;
    // Whether `user` filed this report in Slack in their own name: the reporter.
    bool is_reporter(const UserId& user) const;
    std::optional<Declaration> declaration_of(const UserId& member) const;
    // Members who declared no conflict: the only people who may ever see this report.
    std::vector<UserId> cleared() const;
    bool is_cleared(const UserId& user) const;
    // Who votes: the cleared members currently in the channel.
    std::vector<UserId> electorate() const;
    bool may_vote(const UserId& user) const;
    // Who may be in the incident channel: cleared members alone (never HR, but for an
    // involvement stored by an earlier version, which invited HR there).
    bool may_be_present(const UserId& user) const;
    // An HR contact asked about this involvement, and whether they have answered.
    bool hr_asked(const UserId& user) const;
    bool hr_answered(const UserId& user) const;
    // Who may be in HR's channel: cleared members, and HR contacts who have no conflict.
    bool may_be_in_hr_channel(const UserId& user) const;
    // HR contacts asked who may still take part: cleared, or not yet answered.
    std::vector<UserId> hr_remaining() const;
    const Motion* motion(int number) const;
    // The words `ref` points at; nullptr when this incident does not hold them.
    const std::string* quoted(const QuoteRef& ref) const;
    std::vector<const Motion*> open_motions() const;
    bool closed() const { return status == Status::resolved; }
    bool channel_archived() const { return archived; }
    // Escrowed reports about the same person not yet shared with the channel.
    std::vector<IncidentId> escrow_pending() const;
    // A pattern incident's own report is in escrow until the committee votes to share it.
    bool report_withheld() const;
    // Who answers for the incident: the primary owner, else the secondary, else the member who
    // took the report (while cleared). Empty when nobody is.
    UserId responsible() const;
    // Whom to alert in the incident channel: the owners, else the responsible member.
    std::vector<UserId> to_alert() const;
    bool is_owner(const UserId& user) const;
    bool reminded(ReminderKind kind, const UserId& member) const;
    // When the last reminder of `kind` went out at or after `since` (for repeating reminders).
    std::optional<Time> last_reminder(ReminderKind kind, Time since) const;
    // When a follow-up first told the reporter the committee's decision, if one has.
    std::optional<Time> decision_communicated_at() const;
    // Whether the reporter can be contacted and wants to be: not anonymous, not opted out.
    bool reporter_reachable() const;
};

Incident evolve(Incident incident, const Event& event);

template <typename Events>
Incident replay(Incident incident, const Events& events) {
    for (const auto& event : events)
        incident = evolve(std::move(incident), event);
    return incident;
}

} // namespace cocbot::core
