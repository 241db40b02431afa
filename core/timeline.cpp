// File: core/timeline.cpp
// The record's wording. Lines say what happened, not what was said: the details stay in the
// messages they were posted in.
#include "core/timeline.hpp"

#include "core/overloaded.hpp"

namespace cocbot::core {

namespace {

std::string motion_ref(int number) {
    return "motion " + std::to_string(number);
}

std::string count_of(const MotionDecided& e) {
    return std::to_string(e.yes) + " yes, " + std::to_string(e.no) + " no, of " +
           std::to_string(e.electorate);
}

std::string reminder_words(ReminderKind kind) {
    switch (kind) {
    case ReminderKind::acknowledge_soon:
        return "reminded the owners to acknowledge the reporter";
    case ReminderKind::acknowledge_due:
        return "told the owners the acknowledgement is overdue";
    case ReminderKind::owners_missing:
        return "reminded the channel to name owners";
    case ReminderKind::conflict_nudge:
        return "asked a member again about conflicts of interest";
    case ReminderKind::decision_overdue:
        return "told the owners the decision is overdue";
    case ReminderKind::reporter_update:
        return "reminded the owners to update the reporter";
    case ReminderKind::hr_report_due:
        return "reminded the owners to ask HR for its report";
    }
    return "sent a reminder";
}

TimelineLine line(Time at, UserId who, Text what, std::string quote = {}) {
    return {at, std::move(who), std::move(what), std::move(quote)};
}

using Line = std::optional<TimelineLine>;

Line line_for(const ReportFiled& e) {
    return line(
        e.at, e.submitted_by,
        std::string{e.report.flags.escrow ? "filed the report in escrow" : "filed the report"} +
            " (via " + std::string{describe(e.report.source)} + ")");
}

Line line_for(const ConflictDeclared& e) {
    // Who has a conflict is nobody's business; who joined and who recused is.
    if (e.conflicted)
        return std::nullopt;
    return line(e.at, e.member, "declared no conflict of interest and joined");
}

Line line_for(const MessagePosted&) {
    return std::nullopt;
}

Line line_for(const ChannelOpened& e) {
    return line({}, {}, "opened the private channel " + channel_ref(e.channel));
}

Line line_for(const OwnerNamed& e) {
    return line(e.at, e.by,
                "named " + mention(e.owner) + " " + std::string{to_string(e.role)} + " owner");
}

Line line_for(const UnclearedMemberFound& e) {
    return line(e.at, {}, "removed " + mention(e.user) + " (not cleared)");
}

Line line_for(const RemovalRefused& e) {
    return line(e.at, {}, "could not remove " + mention(e.user) + " (" + e.error + ")");
}

Line line_for(const ImmediateActionRecorded& e) {
    return line(e.at, e.by, "took immediate action");
}

Line line_for(const EscrowActivated& e) {
    return line(e.at, e.by, "shared " + std::to_string(e.escrowed.size()) + " escrowed report(s)");
}

Line line_for(const ReporterAcknowledged& e) {
    return line(e.at, e.by, "acknowledged the reporter");
}

Line line_for(const NameMatchUndone& e) {
    return line(e.at, e.by, "undid the match of the reported name to a committee member");
}

Line line_for(const ReminderSent& e) {
    return line(e.at, {}, reminder_words(e.kind));
}

Line line_for(const ReportedPersonMissing& e) {
    return line(e.at, e.by,
                e.missing ? "recorded that the reported person cannot be found"
                          : "recorded that the reported person was found");
}

Line line_for(const ReporterFollowedUp& e) {
    return line(e.at, e.by,
                e.decision ? "told the reporter the committee's decision"
                           : "followed up with the reporter");
}

Line line_for(const MotionProposed& e) {
    return line(e.at, e.by, "proposed " + motion_ref(e.motion) + ":", e.text);
}

Line line_for(const BallotCast& e) {
    return line(e.at, e.voter,
                std::string{"voted "} + (e.yes ? "yes" : "no") + " on " + motion_ref(e.motion));
}

Line line_for(const MotionDecided& e) {
    return line(e.at, {},
                motion_ref(e.motion) + (e.passed ? " passed (" : " was rejected (") + count_of(e) +
                    ")");
}

Line line_for(const MemberLeftChannel& e) {
    return line(e.at, e.user, "left the channel");
}

Line line_for(const MemberReturned& e) {
    return line(e.at, e.user, "came back to the channel");
}

Line line_for(const MemberRemovedFromCommittee& e) {
    return line(e.at, e.user, "left the committee's roster: removed from this incident");
}

Line line_for(const MemberAddedToCommittee& e) {
    return line(e.at, e.user, "joined the committee's roster while this incident was open");
}

Line line_for(const HrInvolved& e) {
    return line(e.at, e.by,
                e.scope == HrScope::informing
                    ? "asked HR to give information (" + mentions(e.contacts) + ")"
                    : "handed the incident off to HR (only employees involved; " +
                          mentions(e.contacts) + ")");
}

Line line_for(const HrDropped& e) {
    return line(e.at, e.by, "recorded that HR is done (HR's channel archived)");
}

Line line_for(const HrContactAnswered& e) {
    return line(e.at, e.contact,
                e.conflicted ? "(HR) declared a conflict of interest and sees nothing"
                             : "(HR) declared no conflict of interest and joins HR's channel");
}

Line line_for(const HrAsked& e) {
    return line(e.at, e.by, "asked HR a question in HR's channel");
}

Line line_for(const HrInformed& e) {
    return line(
        e.at, e.by,
        "recorded HR's information (past instances known to HR: " +
            std::string{e.past == PastInstances::unknown ? "HR does not know" : to_string(e.past)} +
            ")");
}

Line line_for(const HrChannelOpened& e) {
    return line({}, {}, "opened HR's channel " + channel_ref(e.channel));
}

Line line_for(const HrReported& e) {
    return line(e.at, e.by,
                e.report.taking_action ? "recorded HR's report (HR takes action)"
                                       : "recorded HR's report (HR takes no action)");
}

Line line_for(const LawEnforcementInvolved& e) {
    return line(e.at, e.by,
                "recorded that law enforcement was involved at the reporter's "
                "request");
}

Line line_for(const ConversationRecorded& e) {
    Text who;
    for (const auto& talker : e.conversation.talkers)
        who += (who.empty() ? "" : " and ") + mention(talker);
    return line(e.at, e.by,
                "recorded the conversation of " + who + " with the reported person (plan " +
                    (e.conversation.accepted ? "accepted" : "not accepted") + ")");
}

Line line_for(const IncidentResolved& e) {
    return line(e.at, e.by, "resolved the incident");
}

Line line_for(const IncidentReopened& e) {
    return line(e.at, {}, "re-opened the incident (" + motion_ref(e.motion) + ")");
}

Line line_for(const ReporterConflictAsked& e) {
    return line(e.at, e.member,
                "was asked privately about a conflict of interest with the reporter");
}

Line line_for(const DangerResponded& e) {
    return line(e.at, e.member, "said they are responding to the immediate danger");
}

Line line_for(const ReporterConflictCleared& e) {
    return line(e.at, e.member, "declared no conflict of interest with the reporter");
}

} // namespace

std::optional<TimelineLine> describe(const Event& event) {
    return std::visit([](const auto& e) { return line_for(e); }, event);
}

} // namespace cocbot::core
