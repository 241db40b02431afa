// File: core/decide.cpp
// Each command has one small function; decide() only dispatches.
#include "core/decide.hpp"

#include "core/consequences.hpp"
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

Rejection resolved() {
    return {Rejection::Reason::not_allowed, "The incident is resolved; re-open it first.", {}};
}

// Commands that act inside an open incident's channel.
std::optional<Rejection> not_open(const Incident& incident) {
    if (auto missing = missing_channel(incident))
        return missing;
    if (incident.closed())
        return resolved();
    return std::nullopt;
}

Rejection not_in_electorate() {
    return {Rejection::Reason::not_allowed,
            "Only committee members without a conflict of interest who are in this incident's "
            "channel can vote.",
            {}};
}

Rejection field_error(std::string field, std::string message) {
    return {Rejection::Reason::invalid_report, message, {{std::move(field), message}}};
}

std::string mention(const UserId& user) {
    return "<@" + user.value + ">";
}

std::string mentions(const std::vector<UserId>& users) {
    std::string text;
    for (const auto& user : users)
        text += (text.empty() ? "" : ", ") + mention(user);
    return text;
}

bool contains(const std::vector<UserId>& users, const UserId& user) {
    return std::find(users.begin(), users.end(), user) != users.end();
}

bool too_long(const std::string& text) {
    return text.size() > max_text_length;
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

ControlPanel control_panel_for(const Committee& committee, const Incident& incident) {
    ControlPanel panel;
    panel.incident = incident.id;
    panel.status = incident.status;
    panel.primary_owner = incident.primary_owner;
    panel.secondary_owner = incident.secondary_owner;
    panel.responsible = incident.responsible();
    panel.cleared = static_cast<int>(incident.cleared().size());
    panel.awaiting_acknowledgement = needs_acknowledgement(incident);
    panel.reported_missing = incident.missing_since.has_value();
    panel.reporter_reachable = incident.reporter_reachable();
    panel.open_motions = static_cast<int>(incident.open_motions().size());
    panel.hr_configured = !committee.hr.empty();
    if (incident.hr)
        panel.hr_involved = incident.hr->scope;
    panel.hr_declined = incident.hr_report && !incident.hr_report->report.taking_action;
    panel.escrow_pending = !incident.escrow_pending().empty();
    return panel;
}

MotionMessage motion_message(const Incident& incident, const Motion& motion) {
    return {incident.id,        motion.number,
            motion.kind,        motion.text,
            motion.proposed_by, motion.final_tally.value_or(count(motion, incident.electorate()))};
}

// Keeps the messages that show counts, owners and tallies in step with the incident.
void refresh_messages(Decision& decision, const Committee& committee, const Incident& before,
                      const Incident& after) {
    if (before.triage_prompt && triage_prompt_for(before) != triage_prompt_for(after))
        decision.effects.push_back(
            Update{after.id, *before.triage_prompt, triage_prompt_for(after)});
    // Nothing in an archived channel can change any more (Slack would refuse it anyway).
    if (before.channel_archived())
        return;
    if (before.control_panel && before.control_panel->channel == after.channel &&
        control_panel_for(committee, before) != control_panel_for(committee, after))
        decision.effects.push_back(
            Update{after.id, *before.control_panel, control_panel_for(committee, after)});
    for (const auto& [number, message] : before.motion_messages) {
        const Motion* was = before.motion(number);
        const Motion* now = after.motion(number);
        if (was && now && message.channel == after.channel &&
            motion_message(before, *was) != motion_message(after, *now))
            decision.effects.push_back(Update{after.id, message, motion_message(after, *now)});
    }
}

Incident after_events(Incident incident, const std::vector<Event>& events) {
    return replay(std::move(incident), events);
}

// What a decided motion sets in motion. Returns whether the channel must be archived once
// every message about it has gone out (a re-opening of a resolved incident was rejected).
bool carry_out(Decision& decision, const Incident& incident, const Motion& motion,
               const MotionDecided& decided, Time now) {
    tell_channel(decision, incident,
                 ChannelNotice{{},
                               "Motion " + std::to_string(motion.number) +
                                   (decided.passed ? " passed" : " was rejected") + " (" +
                                   std::to_string(decided.yes) + " yes, " +
                                   std::to_string(decided.no) + " no, of " +
                                   std::to_string(decided.electorate) + "):",
                               motion.text});
    if (motion.kind == MotionKind::activate_escrow && decided.passed) {
        auto pending = incident.escrow_pending();
        if (!pending.empty()) {
            decision.events.push_back(EscrowActivated{pending, motion.proposed_by, now});
            decision.effects.push_back(
                ShareEscrowedReports{incident.id, incident.channel, std::move(pending)});
        }
    }
    if (motion.kind == MotionKind::reopen && decided.passed && incident.status != Status::triage)
        decision.events.push_back(IncidentReopened{motion.number, now});
    return motion.kind == MotionKind::reopen && !decided.passed &&
           incident.status == Status::resolved;
}

// Counts every open motion against the electorate as it is after the decision's events, and
// decides those that now have a majority. Then brings the messages up to date.
void settle(Decision& decision, const Committee& committee, const Incident& before, Time now) {
    const Incident counted = after_events(before, decision.events);
    bool archive = false;
    for (const Motion* motion : counted.open_motions()) {
        if (counted.channel.empty())
            break; // a re-opening vote waits for its new channel
        const Tally tally = count(*motion, counted.electorate());
        if (tally.result == MotionResult::open)
            continue;
        MotionDecided decided{motion->number,
                              tally.result == MotionResult::passed,
                              static_cast<int>(tally.yes.size()),
                              static_cast<int>(tally.no.size()),
                              tally.electorate,
                              now};
        decision.events.push_back(decided);
        archive = carry_out(decision, counted, *motion, decided, now) || archive;
    }
    const Incident after = after_events(before, decision.events);
    refresh_messages(decision, committee, before, after);
    if (archive)
        decision.effects.push_back(ArchiveChannel{after.id, after.channel});
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
            decision.effects.push_back(Invite{incident.id, incident.channel, command.member});
        else if (previous == Declaration::no_conflict)
            decision.effects.push_back(Remove{incident.id, incident.channel, command.member});
    }
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

Outcome record_message_posted(const Incident& incident, const RecordMessagePosted& command) {
    if (!incident.exists())
        return unknown_incident();
    // The control message lives in the incident channel and nowhere else.
    if (command.kind == MessageKind::control_panel &&
        (incident.channel.empty() || command.message.channel != incident.channel))
        return Rejection{Rejection::Reason::not_allowed, "Not this incident's channel.", {}};
    if (command.kind == MessageKind::motion && !incident.motion(command.motion))
        return Rejection{Rejection::Reason::not_allowed, "There is no such motion.", {}};
    return Decision{{MessagePosted{command.message, command.kind, command.motion}}, {}, {}};
}

Outcome channel_created(const Committee& committee, const Incident& incident,
                        const ChannelCreated& command) {
    if (!incident.exists())
        return unknown_incident();
    if (!incident.channel.empty())
        return Decision{}; // a re-run of the creation found the same channel
    Decision decision;
    decision.events.push_back(ChannelOpened{command.channel});
    const Incident after = after_events(incident, decision.events);
    tell_channel(decision, after,
                 ReportDetails{after.id, after.filed_at, after.report, after.submitted_by});
    tell_channel(decision, after, control_panel_for(committee, after), true);
    if (const auto pending = after.escrow_pending().size(); pending > 0)
        tell_channel(decision, after, EscrowNotice{after.id, static_cast<int>(pending)});
    // A re-opened incident's new channel carries the motions still open (the re-opening itself).
    for (const Motion* motion : after.open_motions())
        tell_channel(decision, after, motion_message(after, *motion), true);
    for (const auto& member : after.cleared())
        decision.effects.push_back(Invite{after.id, after.channel, member});
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
        return Decision{}; // an HR contact, invited while HR is involved
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

Outcome name_owner(const Committee& committee, const Incident& incident, const NameOwner& command,
                   Time now) {
    if (auto missing = not_open(incident))
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
    settle(decision, committee, incident, now);
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
    if (auto missing = not_open(incident))
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

Outcome acknowledge_reporter(const Committee& committee, const Incident& incident,
                             const AcknowledgeReporter& command, Time now) {
    if (auto missing = not_open(incident))
        return *missing;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    if (incident.acknowledged_at)
        return Decision{{}, {}, "The reporter's acknowledgement was already recorded."};
    Decision decision;
    decision.events.push_back(ReporterAcknowledged{command.by, now});
    settle(decision, committee, incident, now);
    tell_channel(decision, incident,
                 ChannelNotice{{}, mention(command.by) + " acknowledged the reporter.", {}});
    return decision;
}

Outcome mark_missing(const Committee& committee, const Incident& incident,
                     const MarkReportedPersonMissing& command, Time now) {
    if (auto missing = not_open(incident))
        return *missing;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    if (incident.missing_since.has_value() == command.missing)
        return Decision{{}, {}, "That is already recorded."};
    Decision decision;
    decision.events.push_back(ReportedPersonMissing{command.missing, command.by, now});
    settle(decision, committee, incident, now);
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
    if (auto missing = not_open(incident))
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

std::string with_detail(std::string_view question, const std::string& detail) {
    return std::string{question} + detail;
}

// The question as the members will read it, or the field the proposer must fix.
std::variant<std::string, Rejection> motion_text(const Incident& incident,
                                                 const ProposeMotion& command) {
    const std::string text = trimmed(command.text);
    if (too_long(text))
        return field_error("text", "Keep it to at most 3000 characters.");
    const auto needs_text = [&](std::string_view question) -> std::variant<std::string, Rejection> {
        if (text.empty())
            return field_error("text", "Say what the members are voting on.");
        return with_detail(question, text);
    };
    switch (command.kind) {
    case MotionKind::violation:
        return std::string{"Is this incident a Code of Conduct violation?"};
    case MotionKind::plan:
        return needs_text("Behavioural modification plan for the reported person: ");
    case MotionKind::refusal:
        return needs_text("If the reported person does not understand why their behaviour was "
                          "inappropriate, or refuses the plan: ");
    case MotionKind::custom:
        return needs_text("");
    case MotionKind::consequences: {
        std::string chosen;
        for (const auto& id : command.consequences) {
            const auto consequence = consequence_by_id(id);
            if (!consequence)
                return field_error("consequences", "Choose from the plan's list.");
            chosen += (chosen.empty() ? "" : "; ") + std::string{consequence->label};
        }
        if (!text.empty())
            chosen += (chosen.empty() ? "" : "; ") + text;
        if (chosen.empty())
            return field_error("consequences",
                               "Choose at least one consequence, or describe another.");
        return "Consequences: " + chosen;
    }
    case MotionKind::activate_escrow:
        return "Share the " + std::to_string(incident.escrow_pending().size()) +
               " escrowed report(s) about the same person with this channel?";
    case MotionKind::reopen:
        return text.empty() ? std::string{"Re-open this incident?"}
                            : "Re-open this incident: " + text;
    }
    return text;
}

std::optional<Rejection> cannot_propose(const Incident& incident, const ProposeMotion& command) {
    if (auto missing = missing_channel(incident))
        return missing;
    if (command.kind == MotionKind::reopen) {
        if (incident.status == Status::triage)
            return Rejection{Rejection::Reason::not_allowed,
                             "The incident is open; there is nothing to re-open.",
                             {}};
    } else if (incident.closed()) {
        return resolved();
    }
    if (!incident.may_vote(command.by))
        return not_in_electorate();
    if (command.kind == MotionKind::activate_escrow && incident.escrow_pending().empty())
        return Rejection{
            Rejection::Reason::not_allowed, "There are no escrowed reports left to share.", {}};
    return std::nullopt;
}

const Motion* open_motion_of_kind(const Incident& incident, MotionKind kind) {
    for (const Motion* motion : incident.open_motions())
        if (motion->kind == kind)
            return motion;
    return nullptr;
}

Outcome propose_motion(const Committee& committee, const Incident& incident,
                       const ProposeMotion& command, Time now) {
    if (auto refused = cannot_propose(incident, command))
        return *refused;
    if (command.kind != MotionKind::custom)
        if (const Motion* open = open_motion_of_kind(incident, command.kind))
            return Decision{
                {}, {}, "Motion " + std::to_string(open->number) + " on this is already open."};
    auto text = motion_text(incident, command);
    if (auto* refused = std::get_if<Rejection>(&text))
        return *refused;

    const int number = static_cast<int>(incident.motions.size()) + 1;
    Decision decision;
    decision.events.push_back(MotionProposed{
        number, command.kind, std::get<std::string>(std::move(text)), command.by, now});
    const Incident after = after_events(incident, decision.events);
    if (after.channel.empty()) // re-opening a resolved incident: the motion goes in a new channel
        decision.effects.push_back(
            CreatePrivateChannel{incident.id, "coc-" + incident.id.value + "-" +
                                                  std::to_string(incident.channels_opened + 1)});
    else
        tell_channel(decision, after, motion_message(after, *after.motion(number)), true);
    settle(decision, committee, incident, now);
    decision.reply = after.channel.empty()
                         ? "Motion " + std::to_string(number) +
                               " is open. The archived channel cannot be re-opened, so a new "
                               "private channel is being made for the vote."
                         : "Motion " + std::to_string(number) + " is open for votes.";
    return decision;
}

Outcome cast_ballot(const Committee& committee, const Incident& incident, const CastBallot& command,
                    Time now) {
    if (auto missing = missing_channel(incident))
        return *missing;
    const Motion* motion = incident.motion(command.motion);
    if (!motion)
        return Rejection{Rejection::Reason::not_allowed, "There is no such motion.", {}};
    if (incident.channel_archived() || (incident.closed() && motion->kind != MotionKind::reopen))
        return resolved();
    if (!incident.may_vote(command.voter))
        return not_in_electorate();
    const std::string name = "Motion " + std::to_string(motion->number);
    if (!motion->open())
        return Decision{{},
                        {},
                        name + " was already decided: it " +
                            (motion->result == MotionResult::passed ? "passed." : "was rejected.")};
    const auto previous = motion->ballots.find(command.voter);
    if (previous != motion->ballots.end() && previous->second == command.yes)
        return Decision{{}, {}, "Your ballot was already recorded."};
    Decision decision;
    decision.events.push_back(BallotCast{motion->number, command.voter, command.yes, now});
    settle(decision, committee, incident, now);
    decision.reply = "Your ballot (" + std::string{command.yes ? "yes" : "no"} + ") on " + name +
                     " is recorded.";
    return decision;
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

Outcome involve_hr(const Committee& committee, const Incident& incident, const InvolveHr& command,
                   Time now) {
    if (auto refused = not_open(incident))
        return *refused;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    if (committee.hr.empty())
        return Rejection{
            Rejection::Reason::not_allowed, "No HR contacts are configured (committee.hr).", {}};
    if (incident.hr)
        return Decision{{}, {}, "HR is already involved."};
    // An HR contact who is the reported person, or declared a conflict, must see nothing.
    std::vector<UserId> contacts;
    std::copy_if(committee.hr.begin(), committee.hr.end(), std::back_inserter(contacts),
                 [&](const UserId& contact) {
                     return contact != incident.report.reported.user &&
                            incident.declaration_of(contact) != Declaration::conflict;
                 });
    if (contacts.empty())
        return Rejection{Rejection::Reason::not_allowed,
                         "Every HR contact has a conflict of interest with this report: involve "
                         "HR outside cocbot.",
                         {}};
    Decision decision;
    decision.events.push_back(HrInvolved{command.scope, contacts, command.by, now});
    for (const auto& contact : contacts)
        if (!incident.is_cleared(contact))
            decision.effects.push_back(Invite{incident.id, incident.channel, contact});
    const std::string text =
        command.scope == HrScope::informing
            ? mention(command.by) + " invited HR (" + mentions(contacts) +
                  ") to give information, including whether they know of past instances of "
                  "similar behaviour. The decision stays with the committee. Press *HR done* "
                  "when HR has given what it has: HR will then be removed from this channel."
            : mention(command.by) + " handed the incident off to HR (" + mentions(contacts) +
                  "), as only employees are involved. HR reports back: whether it was a Code of "
                  "Conduct violation, the behavioural modification plan, and the consequences.";
    tell_channel(decision, incident, ChannelNotice{{}, text, {}});
    settle(decision, committee, incident, now);
    decision.reply = "HR has been invited to this channel.";
    return decision;
}

Outcome drop_hr(const Committee& committee, const Incident& incident, const DropHr& command,
                Time now) {
    if (auto refused = not_open(incident))
        return *refused;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    if (!incident.hr)
        return Decision{{}, {}, "HR is not involved."};
    Decision decision;
    decision.events.push_back(HrDropped{command.by, now});
    for (const auto& contact : incident.hr->contacts)
        if (!incident.is_cleared(contact))
            decision.effects.push_back(Remove{incident.id, incident.channel, contact});
    tell_channel(decision, incident,
                 ChannelNotice{{},
                               mention(command.by) +
                                   " recorded that HR is done. cocbot is removing HR from this "
                                   "channel.",
                               {}});
    settle(decision, committee, incident, now);
    return decision;
}

std::string hr_report_text(const HrReport& report) {
    std::string text = "Violation: ";
    text += report.finding == HrFinding::violation      ? "yes"
            : report.finding == HrFinding::no_violation ? "no"
                                                        : "not determined";
    text += "\nBehavioural modification plan: " + (report.plan.empty() ? "-" : report.plan);
    text += "\nConsequences: " + (report.consequences.empty() ? "-" : report.consequences);
    text += "\nHR takes action: ";
    text += report.taking_action ? "yes" : "no";
    return text;
}

Outcome record_hr_report(const Committee& committee, const Incident& incident,
                         const RecordHrReport& command, Time now) {
    if (auto refused = not_open(incident))
        return *refused;
    const bool hr_contact = incident.hr && contains(incident.hr->contacts, command.by);
    if (!incident.is_cleared(command.by) && !hr_contact)
        return not_cleared();
    if (incident.status != Status::handed_off)
        return Rejection{Rejection::Reason::not_allowed,
                         "HR reports back only after the incident was handed off to HR.",
                         {}};
    HrReport report = command.report;
    report.plan = trimmed(report.plan);
    report.consequences = trimmed(report.consequences);
    if (too_long(report.plan))
        return field_error("plan", "Keep it to at most 3000 characters.");
    if (too_long(report.consequences))
        return field_error("consequences", "Keep it to at most 3000 characters.");
    Decision decision;
    decision.events.push_back(HrReported{report, command.by, now});
    std::string text = mention(command.by) + " recorded HR's report:";
    tell_channel(decision, incident, ChannelNotice{{}, text, hr_report_text(report)});
    if (!report.taking_action)
        tell_channel(decision, incident,
                     ChannelNotice{incident.to_alert(),
                                   "HR will not take action. The committee may re-evaluate the "
                                   "incident: propose re-opening it with the *Re-open* button.",
                                   {}});
    settle(decision, committee, incident, now);
    decision.reply = "Recorded.";
    return decision;
}

Outcome record_law_enforcement(const Committee& committee, const Incident& incident,
                               const RecordLawEnforcement& command, Time now) {
    if (auto refused = not_open(incident))
        return *refused;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    if (!command.reporter_asked)
        return field_error("reporter_asked",
                           "Law enforcement is involved only at the reporter's request.");
    const std::string note = trimmed(command.note);
    if (note.empty() || too_long(note))
        return field_error("note",
                           "Say what was shared with law enforcement (at most 3000 characters).");
    // The leadership contacts learn that it happened and whom to ask; never a detail. A
    // contact who is the reported person is not told at all.
    std::vector<UserId> notified;
    std::copy_if(committee.leadership.begin(), committee.leadership.end(),
                 std::back_inserter(notified),
                 [&](const UserId& contact) { return contact != incident.report.reported.user; });
    Decision decision;
    decision.events.push_back(LawEnforcementInvolved{note, notified, command.by, now});
    for (const auto& contact : notified)
        decision.effects.push_back(
            Post{incident.id,
                 {},
                 contact,
                 Notice{"Law enforcement has been involved in Code of Conduct incident " +
                        incident.id.value + ", at the reporter's request. Ask " +
                        mention(command.by) + " for the information that was shared with them."},
                 false});
    std::string text = mention(command.by) +
                       " recorded that law enforcement was involved, at the reporter's request. ";
    text += notified.empty() ? "No leadership contacts are configured (committee.leadership): "
                               "inform leadership yourselves."
                             : "The leadership contacts (" + mentions(notified) +
                                   ") were told that, and nothing more.";
    tell_channel(decision, incident, ChannelNotice{{}, text, note});
    decision.reply = "Recorded.";
    return decision;
}

std::optional<Rejection> invalid_conversation(const Incident& incident,
                                              const Conversation& conversation) {
    const auto& talkers = conversation.talkers;
    if (talkers.size() != 2 || talkers[0] == talkers[1] || !incident.is_cleared(talkers[0]) ||
        !incident.is_cleared(talkers[1]))
        return field_error("talkers", "Name the two committee members who talked to the reported "
                                      "person (both without a conflict of interest).");
    const std::pair<const char*, const std::string*> required[] = {
        {"behaviour", &conversation.behaviour},
        {"impact", &conversation.impact},
        {"plan", &conversation.plan}};
    for (const auto& [field, value] : required)
        if (value->empty())
            return field_error(field, "This is part of the conversation's record.");
    const std::pair<const char*, const std::string*> all[] = {
        {"behaviour", &conversation.behaviour},
        {"context", &conversation.context},
        {"impact", &conversation.impact},
        {"call_in", &conversation.call_in},
        {"plan", &conversation.plan}};
    for (const auto& [field, value] : all)
        if (too_long(*value))
            return field_error(field, "Keep it to at most 3000 characters.");
    return std::nullopt;
}

std::string conversation_text(const Conversation& c) {
    std::string text = "Behaviour: " + c.behaviour;
    if (!c.context.empty())
        text += "\nContext: " + c.context;
    text += "\nImpact: " + c.impact;
    if (!c.call_in.empty())
        text += "\nCall in: " + c.call_in;
    text += "\nBehavioural modification plan: " + c.plan;
    text += std::string{"\nPlan accepted: "} + (c.accepted ? "yes" : "no");
    text += "\nApology: ";
    text += c.apology == Apology::relayed       ? "offered, to be relayed to the reporter"
            : c.apology == Apology::not_relayed ? "offered, not relayed"
                                                : "none";
    return text;
}

Outcome record_conversation(const Incident& incident, const RecordConversation& command, Time now) {
    if (auto refused = not_open(incident))
        return *refused;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    Conversation conversation = command.conversation;
    for (auto* field : {&conversation.behaviour, &conversation.context, &conversation.impact,
                        &conversation.call_in, &conversation.plan})
        *field = trimmed(*field);
    if (auto invalid = invalid_conversation(incident, conversation))
        return *invalid;
    Decision decision;
    decision.events.push_back(ConversationRecorded{conversation, command.by, now});
    tell_channel(decision, incident,
                 ChannelNotice{{},
                               mention(command.by) + " recorded the conversation " +
                                   mention(conversation.talkers[0]) + " and " +
                                   mention(conversation.talkers[1]) +
                                   " had with the reported person:",
                               conversation_text(conversation)});
    if (conversation.apology == Apology::relayed)
        tell_channel(decision, incident,
                     ChannelNotice{incident.to_alert(),
                                   "Relay the apology to the reporter, and make sure the "
                                   "reported person does not contact them.",
                                   {}});
    if (!conversation.accepted)
        tell_channel(decision, incident,
                     ChannelNotice{incident.to_alert(),
                                   "The reported person did not accept the plan. There may be a "
                                   "risk of the behaviour repeating: re-evaluate with new motions "
                                   "(for instance the response to refusal, or new consequences).",
                                   {}});
    decision.reply = "Recorded.";
    return decision;
}

Outcome resolve_incident(const Committee& committee, const Incident& incident,
                         const ResolveIncident& command, Time now) {
    if (auto missing = missing_channel(incident))
        return *missing;
    if (incident.closed())
        return Decision{{}, {}, "The incident is already resolved."};
    if (!incident.is_cleared(command.by) ||
        !(incident.is_owner(command.by) || incident.responsible() == command.by))
        return Rejection{
            Rejection::Reason::not_allowed, "Only the incident's owners can resolve it.", {}};
    const std::string resolution = trimmed(command.resolution);
    if (resolution.empty() || too_long(resolution))
        return field_error("resolution",
                           "Say how the incident was resolved (at most 3000 characters).");
    Decision decision;
    decision.events.push_back(IncidentResolved{resolution, command.by, now});
    const Incident after = after_events(incident, decision.events);
    std::string text = mention(command.by) + " resolved the incident. The timeline above is its "
                                             "written record; this channel is being archived.";
    if (const auto open = incident.open_motions().size(); open > 0)
        text += " " + std::to_string(open) + " open motion(s) lapsed undecided.";
    tell_channel(decision, after, Timeline{after.id, after.timeline});
    tell_channel(decision, after, ChannelNotice{{}, text, resolution});
    refresh_messages(decision, committee, incident, after);
    decision.effects.push_back(ArchiveChannel{after.id, after.channel});
    decision.reply = "The incident is resolved.";
    return decision;
}

Outcome show_timeline(const Incident& incident, const ShowTimeline& command) {
    if (auto refused = not_open(incident))
        return *refused;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    Decision decision;
    tell_channel(decision, incident, Timeline{incident.id, incident.timeline});
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
            [&](const DeclareConflict& c) { return declare_conflict(committee, incident, c, now); },
            [&](const RecordMessagePosted& c) { return record_message_posted(incident, c); },
            [&](const ChannelCreated& c) { return channel_created(committee, incident, c); },
            [&](const MemberJoined& c) { return member_joined(committee, incident, c, now); },
            [&](const RemovalFailed& c) { return removal_failed(incident, c, now); },
            [&](const NameOwner& c) { return name_owner(committee, incident, c, now); },
            [&](const RecordImmediateAction& c) {
                return record_immediate_action(incident, c, now);
            },
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
            [&](const MemberLeft& c) { return member_left(committee, incident, c, now); },
            [&](const InvolveHr& c) { return involve_hr(committee, incident, c, now); },
            [&](const DropHr& c) { return drop_hr(committee, incident, c, now); },
            [&](const RecordHrReport& c) { return record_hr_report(committee, incident, c, now); },
            [&](const RecordLawEnforcement& c) {
                return record_law_enforcement(committee, incident, c, now);
            },
            [&](const RecordConversation& c) { return record_conversation(incident, c, now); },
            [&](const ResolveIncident& c) { return resolve_incident(committee, incident, c, now); },
            [&](const ShowTimeline& c) { return show_timeline(incident, c); },
        },
        command);
}

} // namespace cocbot::core
