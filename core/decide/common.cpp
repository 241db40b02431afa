// File: core/decide/common.cpp
// The shared helpers of the rules.
#include "core/decide/common.hpp"

#include "core/deadlines.hpp"
#include "core/decide/danger.hpp"

#include <algorithm>

namespace cocbot::core::detail {

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

bool too_long(const std::string& text) {
    return text.size() > max_text_length;
}

// Said only inside the incident's private channel, which holds cleared members alone.
void tell_channel(Decision& decision, const Incident& incident, Message message, bool remember) {
    decision.effects.push_back(
        Post{incident.id, incident.channel, {}, std::move(message), remember});
}

namespace {

ChannelNotice quoting(const Incident& incident, QuoteRef ref, Text text) {
    const std::string* quote = incident.quoted(ref);
    return ChannelNotice{{}, std::move(text), quote ? *quote : std::string{}, std::move(ref)};
}

} // namespace

Decision remove_intruder(const Incident& incident, const ChannelId& channel, const UserId& user,
                         const std::string& where, const std::string& why, Time now) {
    Decision decision;
    decision.events.push_back(UnclearedMemberFound{user, now});
    decision.effects.push_back(Remove{incident.id, channel, user});
    tell_channel(decision, incident,
                 ChannelNotice{incident.to_alert(),
                               mention(user) + " was added " + where + " but " + why +
                                   ". cocbot is removing them.",
                               {}});
    return decision;
}

ChannelNotice quoting_last_record(const Incident& after, Text text) {
    const int last = static_cast<int>(after.records.size()) - 1;
    return quoting(after, QuoteRef{after.id, QuoteSource::record, last}, std::move(text));
}

ChannelNotice quoting_motion(const Incident& incident, int number, Text text) {
    return quoting(incident, QuoteRef{incident.id, QuoteSource::motion, number}, std::move(text));
}

void invite_cleared(Decision& decision, const Incident& incident, const UserId& member, Time now) {
    decision.effects.push_back(Invite{incident.id, incident.channel, member});
    if (!incident.hr_channel.empty()) // HR's channel holds the cleared members too
        decision.effects.push_back(Invite{incident.id, incident.hr_channel, member});
    if (incident.report.flags.anonymous || member == incident.submitted_by ||
        contains(incident.reporter_conflict_asked, member))
        return;
    decision.events.push_back(ReporterConflictAsked{member, now});
    decision.effects.push_back(
        Post{incident.id, {}, member, ReporterConflictPrompt{incident.id}, true});
}

Notice withdrawn() {
    // Says nothing of why: a member being removed is told only once their access is gone.
    return Notice{"This question was withdrawn: it no longer applies."};
}

TriagePrompt triage_prompt_for(const Incident& incident) {
    int answered = 0;
    for (const auto& member : incident.committee)
        answered += incident.declaration_of(member).has_value() ? 1 : 0;
    return {incident.id,
            incident.report.reported,
            incident.report.source,
            answered,
            static_cast<int>(incident.committee.size()),
            incident.pattern};
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
    panel.name_matched = !incident.name_matched.empty() && !incident.name_match_undone;
    panel.kept = incident.kept();
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
    refresh_alerts(decision, committee, before, after);
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

} // namespace cocbot::core::detail
