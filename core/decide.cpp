// File: core/decide.cpp
// Each command has one small function; decide() only dispatches.
#include "core/decide.hpp"

#include "core/deadlines.hpp"
#include "core/overloaded.hpp"

#include <algorithm>

namespace cocbot::core {

namespace {

Rejection unknown_incident() {
    return {Rejection::Reason::unknown_incident, "There is no incident with that reference.", {}};
}

Rejection no_channel_yet() {
    return {Rejection::Reason::not_allowed, "The incident's private channel is not open yet.", {}};
}

// Commands that act inside the incident channel need the incident and its channel.
std::optional<Rejection> missing_channel(const Incident& incident) {
    if (!incident.exists())
        return unknown_incident();
    if (incident.channel.empty())
        return no_channel_yet();
    return std::nullopt;
}

Rejection not_cleared() {
    return {Rejection::Reason::not_allowed,
            "Only committee members without a conflict of interest can do that.",
            {}};
}

std::string mention(const UserId& user) {
    return "<@" + user.value + ">";
}

std::vector<UserId> members_to_ask(const Committee& committee, const ReportedPerson& reported) {
    std::vector<UserId> asked;
    std::copy_if(committee.members.begin(), committee.members.end(), std::back_inserter(asked),
                 [&](const UserId& m) { return m != reported.user; });
    return asked;
}

// The committee is told through its channel, unless the reported person is one of them: then
// each other member is told privately, so the reported member never sees it.
void tell_committee(Decision& decision, const ReportFiled& filed, const Message& message,
                    bool remember) {
    if (!filed.reported_is_member) {
        decision.effects.push_back(
            Post{filed.incident, filed.committee_channel, {}, message, remember});
        return;
    }
    for (const auto& member : filed.committee)
        decision.effects.push_back(Post{filed.incident, {}, member, message, false});
}

// Said only inside the incident's private channel, which holds cleared members alone.
void tell_channel(Decision& decision, const Incident& incident, Message message,
                  bool remember = false) {
    decision.effects.push_back(
        Post{incident.id, incident.channel, {}, std::move(message), remember});
}

std::string confirmation(const IncidentId& id, const Report& report) {
    if (report.flags.escrow)
        return "Your report " + id.value +
               " is stored in escrow. The committee will not act on it unless the behaviour is "
               "repeated or a pattern is found. Thank you for telling us.";
    std::string text = "Thank you. Your report " + id.value +
                       " has been received and the committee will review it immediately.";
    if (report.flags.anonymous)
        text += " It is anonymous: nothing that identifies you was stored, so we cannot follow "
                "up with you about it.";
    else if (report.flags.no_updates)
        text += " As you asked, we will not contact you with updates.";
    else
        text += " We will let you know about updates.";
    return text;
}

TriagePrompt triage_prompt_for(const Incident& incident) {
    int answered = 0;
    for (const auto& member : incident.committee)
        answered += incident.declaration_of(member).has_value() ? 1 : 0;
    return {incident.id, incident.report.reported, incident.report.source, answered,
            static_cast<int>(incident.committee.size())};
}

ControlPanel control_panel_for(const Incident& incident) {
    return {incident.id,
            incident.status,
            incident.primary_owner,
            incident.secondary_owner,
            incident.responsible(),
            static_cast<int>(incident.cleared().size()),
            needs_acknowledgement(incident),
            incident.missing_since.has_value(),
            incident.reporter_reachable()};
}

// Keeps the two messages that show counts and owners in step with the incident.
void refresh_messages(Decision& decision, const Incident& before, const Incident& after) {
    if (before.triage_prompt && triage_prompt_for(before) != triage_prompt_for(after))
        decision.effects.push_back(
            Update{after.id, *before.triage_prompt, triage_prompt_for(after)});
    if (before.control_panel && control_panel_for(before) != control_panel_for(after))
        decision.effects.push_back(
            Update{after.id, *before.control_panel, control_panel_for(after)});
}

Incident after_events(Incident incident, const std::vector<Event>& events) {
    return replay(std::move(incident), events);
}

Outcome submit_report(const Committee& committee, const Incident& incident,
                      const SubmitReport& command, Time now) {
    if (incident.exists())
        return Rejection{
            Rejection::Reason::already_exists, "That reference is already in use.", {}};
    const Report report = normalised(command.report);
    if (auto errors = validate(report); !errors.empty())
        return Rejection{Rejection::Reason::invalid_report, "The report is incomplete.",
                         std::move(errors)};

    ReportFiled filed{
        .incident = command.incident,
        .at = now,
        .report = report,
        .submitted_by = report.flags.anonymous ? UserId{} : command.submitted_by,
        .committee = members_to_ask(committee, report.reported),
        .committee_channel = committee.channel,
        .reported_is_member = committee.sits_with(report.reported.user),
        .escrow_matches = report.flags.escrow ? std::vector<IncidentId>{} : command.escrow_matches,
    };
    Decision decision;
    decision.reply = confirmation(command.incident, report);
    if (!report.flags.escrow) {
        if (report.flags.immediate_danger)
            tell_committee(decision, filed,
                           DangerAlert{command.incident, report.location, committee.safety}, false);
        tell_committee(decision, filed,
                       TriagePrompt{command.incident, report.reported, report.source, 0,
                                    static_cast<int>(filed.committee.size())},
                       true);
        decision.effects.push_back(
            CreatePrivateChannel{command.incident, "coc-" + command.incident.value});
    }
    const bool reported_is_member = filed.reported_is_member;
    decision.events.push_back(std::move(filed));
    if (reported_is_member && !report.reported.user.empty())
        decision.events.push_back(ConflictDeclared{report.reported.user, true, now});
    return decision;
}

Outcome declare_conflict(const Incident& incident, const DeclareConflict& command, Time now) {
    if (!incident.exists())
        return unknown_incident();
    if (!incident.asked(command.member))
        return Rejection{Rejection::Reason::not_on_committee,
                         "Only the committee members asked about this report can answer.",
                         {}};
    const auto wanted = command.conflicted ? Declaration::conflict : Declaration::no_conflict;
    const auto previous = incident.declaration_of(command.member);
    if (previous == wanted)
        return Decision{{}, {}, "Your answer was already recorded."};
    if (previous == Declaration::conflict)
        return Rejection{Rejection::Reason::not_allowed,
                         "You declared a conflict of interest for this report; that stands.",
                         {}};

    Decision decision;
    decision.events.push_back(ConflictDeclared{command.member, command.conflicted, now});
    const Incident after = after_events(incident, decision.events);
    if (!incident.channel.empty()) {
        if (!command.conflicted)
            decision.effects.push_back(Invite{incident.id, incident.channel, command.member});
        else if (previous == Declaration::no_conflict)
            decision.effects.push_back(Remove{incident.id, incident.channel, command.member});
    }
    refresh_messages(decision, incident, after);
    if (!command.conflicted)
        decision.reply = incident.channel.empty()
                             ? "Thank you. You will be added to the incident's private channel "
                               "as soon as it is ready."
                             : "Thank you. You have been added to the incident's private channel.";
    else
        decision.reply = previous ? "You have recused yourself and left the incident's channel."
                                  : "Thank you. You will not see anything more about this report.";
    return decision;
}

Outcome record_message_posted(const Incident& incident, const RecordMessagePosted& command) {
    if (!incident.exists())
        return unknown_incident();
    // The control message lives in the incident channel and nowhere else.
    if (command.kind == MessageKind::control_panel &&
        (incident.channel.empty() || command.message.channel != incident.channel))
        return Rejection{Rejection::Reason::not_allowed, "Not this incident's channel.", {}};
    return Decision{{MessagePosted{command.message, command.kind}}, {}, {}};
}

Outcome channel_created(const Incident& incident, const ChannelCreated& command) {
    if (!incident.exists())
        return unknown_incident();
    if (!incident.channel.empty())
        return Decision{}; // a re-run of the creation found the same channel
    Decision decision;
    decision.events.push_back(ChannelOpened{command.channel});
    const Incident after = after_events(incident, decision.events);
    tell_channel(decision, after,
                 ReportDetails{after.id, after.filed_at, after.report, after.submitted_by});
    tell_channel(decision, after, control_panel_for(after), true);
    const auto pending = std::count_if(
        after.escrow_matches.begin(), after.escrow_matches.end(), [&](const IncidentId& id) {
            return std::find(after.escrow_activated.begin(), after.escrow_activated.end(), id) ==
                   after.escrow_activated.end();
        });
    if (pending > 0)
        tell_channel(decision, after, EscrowNotice{after.id, static_cast<int>(pending)});
    for (const auto& member : after.cleared())
        decision.effects.push_back(Invite{after.id, after.channel, member});
    return decision;
}

Outcome member_joined(const Incident& incident, const MemberJoined& command, Time now) {
    if (auto missing = missing_channel(incident))
        return *missing;
    if (incident.is_cleared(command.user))
        return Decision{};
    Decision decision;
    decision.events.push_back(UnclearedMemberFound{command.user, now});
    decision.effects.push_back(Remove{incident.id, incident.channel, command.user});
    tell_channel(decision, incident,
                 ChannelNotice{incident.to_alert(),
                               mention(command.user) +
                                   " was added to this channel but has not declared that they "
                                   "have no conflict of interest. cocbot is removing them.",
                               {}});
    return decision;
}

Outcome removal_failed(const Incident& incident, const RemovalFailed& command, Time now) {
    if (auto missing = missing_channel(incident))
        return *missing;
    Decision decision;
    decision.events.push_back(RemovalRefused{command.user, command.error, now});
    tell_channel(decision, incident,
                 ChannelNotice{incident.to_alert(),
                               ":warning: Slack refused to remove " + mention(command.user) +
                                   " from this channel (" + command.error +
                                   "). They are not cleared and can read everything here. "
                                   "Remove them by hand now, and say nothing more until then.",
                               {}});
    return decision;
}

Outcome name_owner(const Incident& incident, const NameOwner& command, Time now) {
    if (auto missing = missing_channel(incident))
        return *missing;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    if (!incident.is_cleared(command.owner))
        return Rejection{Rejection::Reason::not_allowed,
                         "An owner must be a committee member who declared no conflict.",
                         {}};
    const auto& other =
        command.role == OwnerRole::primary ? incident.secondary_owner : incident.primary_owner;
    if (other == command.owner)
        return Rejection{Rejection::Reason::not_allowed,
                         "The primary and the secondary owner must be two people.",
                         {}};
    const auto& current =
        command.role == OwnerRole::primary ? incident.primary_owner : incident.secondary_owner;
    if (current == command.owner)
        return Decision{{}, {}, "That is already the case."};
    Decision decision;
    decision.events.push_back(OwnerNamed{command.role, command.owner, command.by, now});
    refresh_messages(decision, incident, after_events(incident, decision.events));
    tell_channel(decision, incident,
                 ChannelNotice{{},
                               mention(command.owner) + " is now the " +
                                   std::string{to_string(command.role)} +
                                   " owner of this incident (named by " + mention(command.by) +
                                   ").",
                               {}});
    return decision;
}

Outcome record_immediate_action(const Incident& incident, const RecordImmediateAction& command,
                                Time now) {
    if (auto missing = missing_channel(incident))
        return *missing;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    const std::string action = trimmed(command.action);
    if (action.empty() || action.size() > max_text_length)
        return Rejection{Rejection::Reason::invalid_report,
                         "Describe the action taken.",
                         {{"action", "Describe the action taken (at most 3000 characters)."}}};
    Decision decision;
    decision.events.push_back(ImmediateActionRecorded{command.by, action, now});
    tell_channel(
        decision, incident,
        ChannelNotice{{}, mention(command.by) + " took immediate action, without a vote:", action});
    decision.reply = "Recorded.";
    return decision;
}

Outcome activate_escrow(const Incident& incident, const ActivateEscrow& command, Time now) {
    if (auto missing = missing_channel(incident))
        return *missing;
    // Until the committee can vote, the owners decide (or the responsible member before them).
    if (!incident.is_cleared(command.by) ||
        !(incident.is_owner(command.by) || incident.responsible() == command.by))
        return Rejection{Rejection::Reason::not_allowed,
                         "Only the incident's owners can activate escrowed reports.",
                         {}};
    Decision decision;
    EscrowActivated activated{{}, command.by, now};
    for (const auto& escrowed : command.reports) {
        const bool matched =
            std::find(incident.escrow_matches.begin(), incident.escrow_matches.end(),
                      escrowed.incident) != incident.escrow_matches.end();
        const bool done =
            std::find(incident.escrow_activated.begin(), incident.escrow_activated.end(),
                      escrowed.incident) != incident.escrow_activated.end();
        if (!matched || done)
            continue;
        activated.escrowed.push_back(escrowed.incident);
        tell_channel(decision, incident,
                     ReportDetails{escrowed.incident, escrowed.filed_at, escrowed.report,
                                   escrowed.submitted_by});
    }
    if (activated.escrowed.empty())
        return Decision{{}, {}, "There are no escrowed reports left to activate."};
    decision.events.push_back(std::move(activated));
    decision.reply = "The escrowed reports are now shared in this channel.";
    return decision;
}

Outcome acknowledge_reporter(const Incident& incident, const AcknowledgeReporter& command,
                             Time now) {
    if (auto missing = missing_channel(incident))
        return *missing;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    if (incident.acknowledged_at)
        return Decision{{}, {}, "The reporter's acknowledgement was already recorded."};
    Decision decision;
    decision.events.push_back(ReporterAcknowledged{command.by, now});
    refresh_messages(decision, incident, after_events(incident, decision.events));
    tell_channel(decision, incident,
                 ChannelNotice{{}, mention(command.by) + " acknowledged the reporter.", {}});
    return decision;
}

Outcome mark_missing(const Incident& incident, const MarkReportedPersonMissing& command, Time now) {
    if (auto missing = missing_channel(incident))
        return *missing;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    if (incident.missing_since.has_value() == command.missing)
        return Decision{{}, {}, "That is already recorded."};
    Decision decision;
    decision.events.push_back(ReportedPersonMissing{command.missing, command.by, now});
    refresh_messages(decision, incident, after_events(incident, decision.events));
    std::string text = mention(command.by);
    if (!command.missing)
        text += " recorded that the reported person has been found.";
    else if (incident.reporter_reachable())
        text += " recorded that the reported person cannot be found. cocbot will remind the owners "
                "to update the reporter regularly while this holds.";
    else
        text += " recorded that the reported person cannot be found.";
    tell_channel(decision, incident, ChannelNotice{{}, text, {}});
    return decision;
}

Outcome record_follow_up(const Incident& incident, const RecordReporterFollowUp& command,
                         Time now) {
    if (auto missing = missing_channel(incident))
        return *missing;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    if (incident.report.flags.anonymous)
        return Rejection{Rejection::Reason::not_allowed,
                         "This report is anonymous: there is nobody to follow up with.",
                         {}};
    if (incident.report.flags.no_updates)
        return Rejection{Rejection::Reason::not_allowed,
                         "The reporter asked not to be contacted with updates; we respect that.",
                         {}};
    const std::string note = trimmed(command.note);
    if (note.empty() || note.size() > max_text_length)
        return Rejection{Rejection::Reason::invalid_report,
                         "Say what was communicated.",
                         {{"note", "Say what was communicated (at most 3000 characters)."}}};
    Decision decision;
    decision.events.push_back(ReporterFollowedUp{command.by, note, command.decision, now});
    tell_channel(
        decision, incident,
        ChannelNotice{{},
                      mention(command.by) + (command.decision
                                                 ? " told the reporter the committee's decision:"
                                                 : " followed up with the reporter:"),
                      note});
    decision.reply = "Recorded.";
    return decision;
}

// Sends every reminder whose time has come, each once; the shell calls this when the
// incident's check time (next_check) arrives, and after a restart for every check it missed.
Outcome check_deadlines(const Committee& committee, const Incident& incident, Time now) {
    if (!incident.exists())
        return unknown_incident();
    Decision decision;
    for (const auto& due : due_reminders(incident, committee.deadlines, now)) {
        decision.events.push_back(ReminderSent{due.kind, due.member, now});
        if (due.kind == ReminderKind::conflict_nudge)
            decision.effects.push_back(
                Post{incident.id, {}, due.member, triage_prompt_for(incident), false});
        else
            tell_channel(decision, incident,
                         DeadlineReminder{incident.id, due.kind, due.due, incident.to_alert()});
    }
    return decision;
}

} // namespace

Outcome decide(const Committee& committee, const Incident& incident, const Command& command,
               Time now) {
    return std::visit(
        overloaded{
            [&](const SubmitReport& c) { return submit_report(committee, incident, c, now); },
            [&](const DeclareConflict& c) { return declare_conflict(incident, c, now); },
            [&](const RecordMessagePosted& c) { return record_message_posted(incident, c); },
            [&](const ChannelCreated& c) { return channel_created(incident, c); },
            [&](const MemberJoined& c) { return member_joined(incident, c, now); },
            [&](const RemovalFailed& c) { return removal_failed(incident, c, now); },
            [&](const NameOwner& c) { return name_owner(incident, c, now); },
            [&](const RecordImmediateAction& c) {
                return record_immediate_action(incident, c, now);
            },
            [&](const ActivateEscrow& c) { return activate_escrow(incident, c, now); },
            [&](const AcknowledgeReporter& c) { return acknowledge_reporter(incident, c, now); },
            [&](const CheckDeadlines&) { return check_deadlines(committee, incident, now); },
            [&](const MarkReportedPersonMissing& c) { return mark_missing(incident, c, now); },
            [&](const RecordReporterFollowUp& c) { return record_follow_up(incident, c, now); },
        },
        command);
}

} // namespace cocbot::core
