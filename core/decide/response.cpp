// File: core/decide/response.cpp
// Owners, the reporter, the conversation, resolution and deadlines.
#include "core/decide/response.hpp"

#include "core/deadlines.hpp"
#include "core/decide/common.hpp"
#include "core/decide/danger.hpp"
#include "core/decide/motions.hpp"

#include <algorithm>

namespace cocbot::core::detail {

namespace {

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

// The transparency report counts every resolution by category and outcome: both are asked.
std::optional<Rejection> invalid_classification(const Committee& committee,
                                                const ResolveIncident& command) {
    const auto& categories = committee.transparency.categories;
    if (std::find(categories.begin(), categories.end(), command.category) == categories.end())
        return field_error("category", "Choose the kind of behaviour from the list.");
    if (command.outcome == ResolutionOutcome::unrecorded)
        return field_error("outcome", "Choose how the incident ended.");
    return std::nullopt;
}

} // namespace

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
    // From the alert, before anyone has answered the conflict question, any responder may.
    if (!incident.is_cleared(command.by) && !may_respond(incident, command.by))
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
        quoting_last_record(after_events(incident, decision.events),
                            mention(command.by) + " took immediate action, without a vote:"));
    decision.reply = incident.is_cleared(command.by)
                         ? "Recorded."
                         : "Recorded, and posted in the incident's private channel for the "
                           "members cleared to read it.";
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
    Text text = mention(command.by);
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
        quoting_last_record(after_events(incident, decision.events),
                            mention(command.by) +
                                (command.decision ? " told the reporter the committee's decision:"
                                                  : " followed up with the reporter:")));
    decision.reply = "Recorded.";
    return decision;
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
                 quoting_last_record(after_events(incident, decision.events),
                                     mention(command.by) + " recorded the conversation " +
                                         mention(conversation.talkers[0]) + " and " +
                                         mention(conversation.talkers[1]) +
                                         " had with the reported person:"));
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
        return Rejection{Rejection::Reason::not_allowed,
                         incident.responsible().empty() && incident.is_cleared(command.by)
                             ? "Only the incident's owners can resolve it, and none is named: "
                               "choose a primary owner in the incident's control message first."
                             : "Only the incident's owners can resolve it.",
                         {}};
    const std::string resolution = trimmed(command.resolution);
    if (resolution.empty() || too_long(resolution))
        return field_error("resolution",
                           "Say how the incident was resolved (at most 3000 characters).");
    if (auto invalid = invalid_classification(committee, command))
        return *invalid;
    Decision decision;
    decision.events.push_back(IncidentResolved{resolution, command.by, now, command.category,
                                               command.outcome, command.role,
                                               command.cannot_anonymise});
    const Incident after = after_events(incident, decision.events);
    Text text = mention(command.by) + " resolved the incident. The timeline above is its "
                                      "written record; this channel is being archived.";
    if (const auto open = incident.open_motions().size(); open > 0)
        text += " " + std::to_string(open) + " open motion(s) lapsed undecided.";
    tell_channel(decision, after, Timeline{after.id, after.timeline});
    tell_channel(decision, after, quoting_last_record(after, text));
    refresh_messages(decision, committee, incident, after);
    decision.effects.push_back(ArchiveChannel{after.id, after.channel});
    if (!incident.hr_channel.empty()) // HR's part ends with the incident
        decision.effects.push_back(ArchiveChannel{after.id, incident.hr_channel});
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
                Post{incident.id, {}, due.member, triage_prompt_for(incident), true});
        else
            tell_channel(decision, incident,
                         DeadlineReminder{incident.id, due.kind, due.due, incident.to_alert()});
    }
    return decision;
}

} // namespace cocbot::core::detail
