// File: core/decide/outside.cpp
// The people outside the committee the plan brings in: HR, and law enforcement.
#include "core/decide/outside.hpp"

#include "core/decide/common.hpp"
#include "core/decide/motions.hpp"

#include <algorithm>

namespace cocbot::core::detail {

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
    const Text text =
        command.scope == HrScope::informing
            ? mention(command.by) + " invited HR (" + mentions(contacts) +
                  ") to give information, including whether they know of past instances of "
                  "similar behaviour. The decision stays with the committee. Press " +
                  strong("HR done") +
                  " "
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
    Text text = mention(command.by) + " recorded HR's report:";
    tell_channel(decision, incident,
                 quoting_last_record(after_events(incident, decision.events), text));
    if (!report.taking_action)
        tell_channel(decision, incident,
                     ChannelNotice{incident.to_alert(),
                                   "HR will not take action. The committee may re-evaluate the "
                                   "incident: propose re-opening it with the " +
                                       strong("Re-open (vote)") + " button.",
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
    Text text = mention(command.by) +
                " recorded that law enforcement was involved, at the reporter's request. ";
    text += notified.empty() ? "No leadership contacts are configured (committee.leadership): "
                               "inform leadership yourselves."
                             : "The leadership contacts (" + mentions(notified) +
                                   ") were told that, and nothing more.";
    tell_channel(decision, incident,
                 quoting_last_record(after_events(incident, decision.events), text));
    decision.reply = "Recorded.";
    return decision;
}

} // namespace cocbot::core::detail
