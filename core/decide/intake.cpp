// File: core/decide/intake.cpp
// Intake, conflicts of interest and channel membership: the plan's "Discussing a report".
#include "core/decide/intake.hpp"

#include "core/decide/common.hpp"
#include "core/decide/motions.hpp"
#include "core/decide/report_choices.hpp"

#include <algorithm>

namespace cocbot::core::detail {

namespace {

// Roster members the typed name may mean, besides the Slack user reported (if any).
std::vector<UserId> named_members(const Committee& committee, const ReportedPerson& reported) {
    std::vector<UserId> named;
    for (const auto& user : committee.named(reported.name))
        if (committee.is_member(user) && user != reported.user)
            named.push_back(user);
    return named;
}

// A member who files in Slack, in their own name, reports what happened to them: they are the
// reporter, not a member deciding on it. (One taking a call picks the phone, in person, ...; an
// anonymous reporter stays among those asked, or leaving them out would name them.)
UserId member_reporting(const Committee& committee, const Report& report,
                        const UserId& submitted_by) {
    return filed_in_own_name(report) && committee.is_member(submitted_by) ? submitted_by : UserId{};
}

std::vector<UserId> members_to_ask(const Committee& committee, const SubmitReport& command,
                                   const Report& report, const std::vector<UserId>& named) {
    const UserId reporter = member_reporting(committee, report, command.submitted_by);
    std::vector<UserId> asked;
    std::copy_if(committee.members.begin(), committee.members.end(), std::back_inserter(asked),
                 [&](const UserId& m) {
                     return m != report.reported.user && m != reporter && !contains(named, m) &&
                            !contains(report.excluded, m);
                 });
    return asked;
}

// The committee is told through its channel, unless the reported person may be one of them (or
// cocbot does not know yet who sits there): then each other member is told privately, so the
// reported person never sees it.
void tell_committee(Decision& decision, const ReportFiled& filed, bool in_channel,
                    const Message& message, bool remember) {
    if (in_channel) {
        decision.effects.push_back(
            Post{filed.incident, filed.committee_channel, {}, message, remember});
        return;
    }
    // Remembered, so that a member who leaves the committee has them withdrawn.
    for (const auto& member : filed.committee)
        decision.effects.push_back(Post{filed.incident, {}, member, message, true});
}

// The committee channel holds people who are not on the roster: it learns only that a report
// came in, and (once) who those people are, so that the committee can see to it.
Notice report_came_in(const std::vector<UserId>& newly_named) {
    Text text = "A report came in; each member has a direct message.";
    if (!newly_named.empty())
        text += " " + mentions(newly_named) + (newly_named.size() == 1 ? " is" : " are") +
                " in this channel but not on the committee roster, so nothing about a report "
                "is posted here while they are.";
    return Notice{std::move(text)};
}

std::vector<UserId> not_yet_named(const Committee& committee) {
    auto strangers = committee.strangers();
    std::erase_if(strangers,
                  [&](const UserId& user) { return contains(committee.strangers_named, user); });
    return strangers;
}

// Who answers for the report until owners are named. An anonymous report keeps no Slack id of
// its reporter: one filed in Slack keeps none, as its submitter may be the reporter; one that a
// committee member took (by phone, in person, …) keeps that member's, who is not.
UserId taker_of(const Committee& committee, const Report& report, const UserId& submitted_by) {
    if (!report.flags.anonymous)
        return submitted_by;
    if (report.source != Source::slack && committee.is_member(submitted_by))
        return submitted_by;
    return {};
}

// The escrowed reports the incident's channel may vote to share: none for a report kept in
// escrow; for a pattern, the others and then this one.
std::vector<IncidentId> escrow_matches_of(const SubmitReport& command, const Report& report,
                                          bool pattern) {
    if (!report.flags.escrow)
        return command.escrow_matches;
    if (!pattern)
        return {};
    auto matches = command.escrow_matches;
    matches.push_back(command.incident);
    return matches;
}

std::string confirmation(const IncidentId& id, const Report& report, bool taker_kept) {
    if (report.flags.escrow)
        return "Your report " + id.value +
               " is stored in escrow. The committee will not act on it unless the behaviour is "
               "repeated or a pattern is found. Thank you for telling us.";
    std::string text = "Thank you. Your report " + id.value +
                       " has been received and the committee will review it immediately.";
    if (report.flags.anonymous && taker_kept)
        text += " It is anonymous: nothing that identifies the reporter was stored, so the "
                "committee cannot follow up with them. You are recorded as the member who took it.";
    else if (report.flags.anonymous)
        text += " It is anonymous: nothing that identifies you was stored, so we cannot follow "
                "up with you about it.";
    else if (report.flags.no_updates)
        text += " As you asked, we will not contact you with updates.";
    else
        text += " We will let you know about updates.";
    return text;
}

Text name_match_notice(const Incident& incident) {
    return "The reported person's name, as typed, matches the Slack name of committee member " +
           mentions(incident.name_matched) +
           ". cocbot treats the report as one about them: they were not asked and cannot see "
           "this incident. If that is wrong, press " +
           strong("Not a committee member") +
           " on the control "
           "message, and they are asked the conflict question like the others.";
}

// What a pattern incident's channel says in place of the report it withholds.
Text pattern_intro(const Incident& incident) {
    return "This incident was opened because " + std::to_string(incident.escrow_matches.size()) +
           " reports about the same person were filed in escrow. None of them is shown here "
           "unless the committee votes to share them.";
}

} // namespace

Outcome submit_report(const Committee& committee, const Incident& incident,
                      const SubmitReport& command, Time now) {
    if (incident.exists())
        return Rejection{
            Rejection::Reason::already_exists, "That reference is already in use.", {}};
    const Report report = normalised(command.report);
    auto errors = validate(report);
    check_preferred(errors, committee, report);
    if (!errors.empty())
        return Rejection{Rejection::Reason::invalid_report, "The report is incomplete.",
                         std::move(errors)};

    // A second report in escrow about the same person is the pattern the plan acts on; its
    // reporter is told what any escrowed report's is, since the others are confidential too.
    const bool pattern = report.flags.escrow && !command.escrow_matches.empty();
    // A member reported by a typed name is the reported person too, until a member undoes it.
    // A member the reporter excluded is never asked, even when a match by name is undone.
    const auto excluded = excluded_on(report, committee.members);
    auto named = named_members(committee, report.reported);
    std::erase_if(named, [&](const UserId& member) { return contains(excluded, member); });
    ReportFiled filed{
        .incident = command.incident,
        .at = now,
        .report = report,
        .submitted_by = taker_of(committee, report, command.submitted_by),
        .committee = members_to_ask(committee, command, report, named),
        .committee_channel = committee.channel,
        .reported_is_member = committee.sits_with(report.reported.user) || !named.empty(),
        .escrow_matches = escrow_matches_of(command, report, pattern),
        .pattern = pattern,
        .name_matched = named,
    };
    Decision decision;
    decision.reply = confirmation(command.incident, report, !filed.submitted_by.empty());
    const bool typed = !folded_name(report.reported.name).empty();
    // Nobody the report may be about sits with the committee, by Slack id or by a typed name.
    const bool reported_absent =
        !committee.sits_with(report.reported.user) &&
        (!typed || (committee.names_known && committee.named(report.reported.name).empty()));
    // A member the reporter excluded is told nothing, not even that a report came in: the
    // others are told privately. A channel holding people off the roster hears that a report
    // came in; but not while the one it may be about sits there, who, getting no direct message,
    // would learn that it is theirs.
    const bool quiet_channel = reported_absent && excluded.empty();
    const bool in_channel =
        committee.may_post_in_channel_about(report.reported.user) && quiet_channel;
    const bool strangers_present =
        committee.channel_members_known && !committee.strangers().empty() && quiet_channel;
    if (!report.flags.escrow || pattern) {
        if (strangers_present) {
            filed.strangers_named = not_yet_named(committee);
            decision.effects.push_back(Post{command.incident,
                                            committee.channel,
                                            {},
                                            report_came_in(filed.strangers_named),
                                            false});
        }
        if (report.flags.immediate_danger)
            tell_committee(decision, filed, in_channel,
                           DangerAlert{command.incident,
                                       report.location,
                                       committee.safety,
                                       {},
                                       report.whereabouts,
                                       report.appearance,
                                       report.flags.wants_police},
                           true);
        tell_committee(decision, filed, in_channel,
                       TriagePrompt{command.incident, report.reported, report.source, 0,
                                    static_cast<int>(filed.committee.size()), pattern},
                       true);
        ask_preferred(decision, filed);
        decision.effects.push_back(
            CreatePrivateChannel{command.incident, "coc-" + command.incident.value});
    }
    const bool reported_sits = committee.sits_with(report.reported.user);
    decision.events.push_back(std::move(filed));
    if (reported_sits)
        decision.events.push_back(ConflictDeclared{report.reported.user, true, now});
    for (const auto& member : named)
        decision.events.push_back(ConflictDeclared{member, true, now});
    for (const auto& member : excluded)
        decision.events.push_back(ConflictDeclared{member, true, now});
    return decision;
}

Outcome declare_conflict(const Committee& committee, const Incident& incident,
                         const DeclareConflict& command, Time now) {
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
    if (!incident.channel.empty() && !incident.channel_archived()) {
        if (!command.conflicted)
            invite_cleared(decision, incident, command.member, now);
        else if (previous == Declaration::no_conflict)
            decision.effects.push_back(Remove{incident.id, incident.channel, command.member});
    }
    // A recusal also leaves HR's channel, while it is open.
    if (command.conflicted && previous == Declaration::no_conflict && !incident.hr_channel.empty())
        decision.effects.push_back(Remove{incident.id, incident.hr_channel, command.member});
    // A recusal changes the electorate: open motions are counted again.
    settle(decision, committee, incident, now);
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

Outcome record_message_posted(const Committee& committee, const Incident& incident,
                              const RecordMessagePosted& command) {
    if (!incident.exists())
        return unknown_incident();
    // A direct message that was on its way when its reader left the committee: taken back.
    if (!command.to_user.empty() && !committee.is_member(command.to_user))
        return Decision{{}, {Update{incident.id, command.message, withdrawn()}}, {}};
    // The control message lives in the incident channel and nowhere else.
    if (command.kind == MessageKind::control_panel &&
        (incident.channel.empty() || command.message.channel != incident.channel))
        return Rejection{Rejection::Reason::not_allowed, "Not this incident's channel.", {}};
    if (command.kind == MessageKind::motion && !incident.motion(command.motion))
        return Rejection{Rejection::Reason::not_allowed, "There is no such motion.", {}};
    return Decision{
        {MessagePosted{command.message, command.kind, command.motion, command.to_user}}, {}, {}};
}

Outcome channel_created(const Committee& committee, const Incident& incident,
                        const ChannelCreated& command, Time now) {
    if (!incident.exists())
        return unknown_incident();
    if (!incident.channel.empty())
        return Decision{}; // a re-run of the creation found the same channel
    Decision decision;
    decision.events.push_back(ChannelOpened{command.channel});
    const Incident after = after_events(incident, decision.events);
    if (after.report_withheld())
        tell_channel(decision, after, ChannelNotice{{}, pattern_intro(after), {}});
    else
        tell_channel(decision, after, report_message(after));
    tell_channel(decision, after, control_panel_for(committee, after), true);
    if (!after.name_matched.empty() && !after.name_match_undone)
        tell_channel(decision, after, ChannelNotice{{}, name_match_notice(after), {}});
    if (const auto pending = after.escrow_pending().size(); pending > 0)
        tell_channel(decision, after, EscrowNotice{after.id, static_cast<int>(pending)});
    // A re-opened incident's new channel carries the motions still open (the re-opening itself).
    for (const Motion* motion : after.open_motions())
        tell_channel(decision, after, motion_message(after, *motion), true);
    for (const auto& member : after.cleared())
        invite_cleared(decision, after, member, now);
    return decision;
}

Outcome undo_name_match(const Committee& committee, const Incident& incident,
                        const UndoNameMatch& command, Time now) {
    if (auto refused = not_open(incident))
        return *refused;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    if (incident.name_matched.empty() || incident.name_match_undone)
        return Rejection{Rejection::Reason::not_allowed, "There is no match by name to undo.", {}};
    Decision decision;
    decision.events.push_back(NameMatchUndone{command.by, now});
    const Incident after = after_events(incident, decision.events);
    for (const auto& member : incident.name_matched)
        decision.effects.push_back(Post{after.id, {}, member, triage_prompt_for(after), true});
    tell_channel(decision, after,
                 ChannelNotice{{},
                               mention(command.by) + " said the reported person is not " +
                                   mentions(incident.name_matched) +
                                   ", who is now asked the conflict question by direct message.",
                               {}});
    refresh_messages(decision, committee, incident, after);
    decision.reply = "Recorded: the match by name is undone.";
    return decision;
}

// The answer to the private question about the reporter. A conflict is answered with the
// recusal (DeclareConflict), which removes the member; this records that there is none.
Outcome clear_reporter_conflict(const Incident& incident, const ClearReporterConflict& command,
                                Time now) {
    if (!incident.exists())
        return unknown_incident();
    if (!incident.is_cleared(command.member) ||
        !contains(incident.reporter_conflict_asked, command.member))
        return Rejection{Rejection::Reason::not_allowed,
                         "Only a cleared member asked about the reporter can answer.",
                         {}};
    if (contains(incident.reporter_conflict_cleared, command.member))
        return Decision{{}, {}, "Your answer was already recorded."};
    Decision decision;
    decision.events.push_back(ReporterConflictCleared{command.member, now});
    decision.reply = "Thank you: recorded that you have no conflict of interest with the reporter.";
    return decision;
}

Outcome member_joined(const Committee& committee, const Incident& incident,
                      const MemberJoined& command, Time now) {
    if (auto missing = missing_channel(incident))
        return *missing;
    if (incident.is_cleared(command.user)) {
        if (!contains(incident.away, command.user))
            return Decision{};
        Decision decision;
        decision.events.push_back(MemberReturned{command.user, now});
        settle(decision, committee, incident, now);
        return decision;
    }
    if (incident.may_be_present(command.user))
        return Decision{}; // HR invited here by an earlier version, while involved
    return remove_intruder(incident, incident.channel, command.user, "to this channel",
                           "has not declared that they have no conflict of interest", now);
}

Outcome member_left(const Committee& committee, const Incident& incident, const MemberLeft& command,
                    Time now) {
    if (!incident.exists())
        return unknown_incident();
    if (!incident.is_cleared(command.user) || contains(incident.away, command.user))
        return Decision{};
    Decision decision;
    decision.events.push_back(MemberLeftChannel{command.user, now});
    settle(decision, committee, incident, now);
    return decision;
}

} // namespace cocbot::core::detail
