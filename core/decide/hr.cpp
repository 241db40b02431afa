// File: core/decide/hr.cpp
// HR's part in an incident. The plan: HR "will not have access to report documentation that
// does not involve two Elastic employees", and is dropped once it has given its information. So
// HR never enters the incident channel; it gets a channel of its own, after a conflict question.
#include "core/decide/hr.hpp"

#include "core/decide/common.hpp"
#include "core/decide/motions.hpp"
#include "core/decide/report_choices.hpp"

#include <algorithm>

namespace cocbot::core::detail {

namespace {

// Whom to ask: HR contacts outside the committee (members answer the committee's question),
// never the reported person, the reporter, or someone who declared a conflict.
std::vector<UserId> contacts_to_ask(const Committee& committee, const Incident& incident) {
    std::vector<UserId> contacts;
    std::copy_if(committee.hr.begin(), committee.hr.end(), std::back_inserter(contacts),
                 [&](const UserId& contact) {
                     return contact != incident.report.reported.user &&
                            !incident.is_reporter(contact) && !incident.asked(contact) &&
                            incident.declaration_of(contact) != Declaration::conflict;
                 });
    return contacts;
}

Text involvement_notice(const InvolveHr& command, const std::vector<UserId>& contacts,
                        const std::string& channel_name) {
    Text text =
        mention(command.by) + (command.scope == HrScope::informing
                                   ? " asked HR (" + mentions(contacts) +
                                         ") to give information, including whether HR "
                                         "knows of past instances of similar behaviour. "
                                         "The decision stays with the committee."
                                   : " handed the incident off to HR (" + mentions(contacts) +
                                         "), as only employees are involved.");
    text += " Each HR contact is first asked privately about conflicts of interest; those without "
            "one join HR's own channel, #" +
            channel_name + ", with the cleared members. HR never sees this channel.";
    text += command.scope == HrScope::informing
                ? Text{" Nothing of the report is posted there: send HR your questions with " +
                       strong("Ask HR") + ", record its answers with " +
                       strong("Record HR's information") + ", and press " + strong("HR done") +
                       " when HR has given what it has."}
                : Text{" The report is posted there, as this hand-off allows. HR reports back: "
                       "whether it was a violation, the behavioural modification plan, and the "
                       "consequences."};
    return text;
}

Text hr_channel_intro(const Incident& incident) {
    if (incident.hr->scope == HrScope::employees_only && incident.report_withheld())
        return Text{"This is HR's channel for Code of Conduct report " + incident.id.value +
                    ". Only employees are involved, so this is the hand-off the plan allows, but "
                    "the reports behind it are in escrow: none is posted here unless the "
                    "committee votes to share them."};
    if (incident.hr->scope == HrScope::employees_only)
        return Text{"This is HR's channel for Code of Conduct report " + incident.id.value +
                    ". Only employees are involved, so this is the hand-off the plan allows: HR "
                    "receives the report (above) and takes the incident over, and reports back "
                    "to the committee."};
    return Text{"This is HR's channel for Code of Conduct report " + incident.id.value +
                ". Nothing of the report is posted here: the committee's cleared members ask HR "
                "what they need, and HR answers here. The committee makes the decision."};
}

// Every step of HR's part is a cleared member's, on an open incident.
std::optional<Rejection> refused_step(const Incident& incident, const UserId& by) {
    if (auto refused = not_open(incident))
        return refused;
    if (!incident.is_cleared(by))
        return not_cleared();
    return std::nullopt;
}

void post_in_hr_channel(Decision& decision, const Incident& incident, const ChannelId& channel,
                        Message message) {
    decision.effects.push_back(Post{incident.id, channel, {}, std::move(message), false});
}

} // namespace

Outcome involve_hr(const Committee& committee, const Incident& incident, const InvolveHr& command,
                   Time now) {
    if (auto refused = refused_step(incident, command.by))
        return *refused;
    if (committee.hr.empty())
        return Rejection{
            Rejection::Reason::not_allowed, "No HR contacts are configured (committee.hr).", {}};
    if (incident.hr)
        return Decision{{}, {}, "HR is already involved."};
    const auto contacts = contacts_to_ask(committee, incident);
    if (contacts.empty())
        return Rejection{Rejection::Reason::not_allowed,
                         "No HR contact can be asked: each is on the committee, the reported "
                         "person, the reporter, or has a conflict of interest. Involve HR outside "
                         "cocbot.",
                         {}};
    const std::string name = hr_channel_name(incident.id, incident.hr_channels_opened + 1);
    Decision decision;
    decision.events.push_back(HrInvolved{command.scope, contacts, command.by, now, true});
    decision.effects.push_back(CreatePrivateChannel{incident.id, name, ChannelRole::hr});
    for (const auto& contact : contacts)
        decision.effects.push_back(
            Post{incident.id,
                 {},
                 contact,
                 HrConflictPrompt{incident.id, incident.report.reported, command.scope},
                 false});
    tell_channel(decision, incident,
                 ChannelNotice{{}, involvement_notice(command, contacts, name), {}});
    settle(decision, committee, incident, now);
    decision.reply = "HR's contacts are being asked about conflicts of interest.";
    return decision;
}

Outcome hr_contact_answered(const Incident& incident, const DeclareConflict& command, Time now) {
    const bool cleared = contains(incident.hr_cleared, command.member);
    if (contains(incident.hr_conflicted, command.member))
        return command.conflicted ? Decision{{}, {}, "Your answer was already recorded."}
                                  : Outcome{Rejection{Rejection::Reason::not_allowed,
                                                      "You declared a conflict of interest for "
                                                      "this report; that stands.",
                                                      {}}};
    if (cleared && !command.conflicted)
        return Decision{{}, {}, "Your answer was already recorded."};
    Decision decision;
    decision.events.push_back(HrContactAnswered{command.member, command.conflicted, now});
    const Incident after = after_events(incident, decision.events);
    if (!after.hr_channel.empty()) {
        if (!command.conflicted)
            decision.effects.push_back(Invite{incident.id, after.hr_channel, command.member});
        else if (cleared) // recused after joining
            decision.effects.push_back(Remove{incident.id, after.hr_channel, command.member});
    }
    if (command.conflicted && after.hr_remaining().empty())
        tell_channel(decision, incident,
                     ChannelNotice{incident.to_alert(),
                                   "Every HR contact asked has a conflict of interest with this "
                                   "report, so none will see anything. Involve HR outside cocbot "
                                   "if you still need it, and press " +
                                       strong("HR done") + ".",
                                   {}});
    decision.reply = command.conflicted
                         ? "Thank you. You will not see anything about this report."
                         : "Thank you. You will be in HR's private channel for this report "
                           "(only there), with the committee members handling it.";
    return decision;
}

Outcome hr_channel_created(const Incident& incident, const ChannelCreated& command) {
    if (!incident.exists())
        return unknown_incident();
    if (!incident.hr_channel.empty())
        return Decision{}; // a re-run of the creation found the same channel
    Decision decision;
    if (!incident.hr) { // HR was done before Slack made its channel: it stays empty
        decision.effects.push_back(ArchiveChannel{incident.id, command.channel});
        return decision;
    }
    decision.events.push_back(HrChannelOpened{command.channel});
    const Incident after = after_events(incident, decision.events);
    // A pattern's report the committee has not voted to share is not HR's to see either.
    if (after.hr->scope == HrScope::employees_only && !after.report_withheld())
        post_in_hr_channel(decision, after, command.channel, report_message(after));
    post_in_hr_channel(decision, after, command.channel,
                       ChannelNotice{{}, hr_channel_intro(after), {}});
    for (const auto& member : after.cleared())
        decision.effects.push_back(Invite{after.id, command.channel, member});
    for (const auto& contact : after.hr_cleared)
        decision.effects.push_back(Invite{after.id, command.channel, contact});
    return decision;
}

Outcome hr_member_joined(const Incident& incident, const MemberJoined& command, Time now) {
    if (incident.may_be_in_hr_channel(command.user))
        return Decision{};
    return remove_intruder(incident, incident.hr_channel, command.user, "to HR's channel",
                           "is neither a cleared member nor an HR contact without a conflict", now);
}

Outcome ask_hr(const Incident& incident, const AskHr& command, Time now) {
    if (auto refused = refused_step(incident, command.by))
        return *refused;
    if (!incident.hr)
        return Rejection{
            Rejection::Reason::not_allowed, "HR is not involved: press Involve HR first.", {}};
    if (incident.hr_channel.empty())
        return Rejection{Rejection::Reason::not_allowed,
                         "HR's channel is not ready yet: try again in a moment.",
                         {}};
    const std::string question = trimmed(command.question);
    if (question.empty() || too_long(question))
        return field_error("question", "Write the question for HR (at most 3000 characters).");
    Decision decision;
    decision.events.push_back(HrAsked{question, command.by, now});
    const Incident after = after_events(incident, decision.events);
    post_in_hr_channel(
        decision, after, after.hr_channel,
        quoting_last_record(after, mention(command.by) + " asks HR, for the committee:"));
    tell_channel(decision, after, quoting_last_record(after, mention(command.by) + " asked HR:"));
    decision.reply = "Your question was posted in HR's channel.";
    return decision;
}

Outcome record_hr_information(const Incident& incident, const RecordHrInformation& command,
                              Time now) {
    if (auto refused = refused_step(incident, command.by))
        return *refused;
    if (!incident.hr)
        return Rejection{Rejection::Reason::not_allowed, "HR is not involved.", {}};
    const std::string information = trimmed(command.information);
    if (information.empty() || too_long(information))
        return field_error("information",
                           "Say what HR told the committee (at most 3000 characters).");
    Decision decision;
    decision.events.push_back(HrInformed{information, command.past, command.by, now});
    tell_channel(decision, incident,
                 quoting_last_record(after_events(incident, decision.events),
                                     mention(command.by) + " recorded HR's information:"));
    decision.reply = "Recorded.";
    return decision;
}

Outcome drop_hr(const Committee& committee, const Incident& incident, const DropHr& command,
                Time now) {
    if (auto refused = refused_step(incident, command.by))
        return *refused;
    if (!incident.hr)
        return Decision{{}, {}, "HR is not involved."};
    Decision decision;
    decision.events.push_back(HrDropped{command.by, now});
    if (!incident.hr_channel.empty())
        decision.effects.push_back(ArchiveChannel{incident.id, incident.hr_channel});
    if (!incident.hr->own_channel) // an involvement from before HR had its own channel
        for (const auto& contact : incident.hr->contacts)
            if (!incident.is_cleared(contact))
                decision.effects.push_back(Remove{incident.id, incident.channel, contact});
    tell_channel(decision, incident,
                 ChannelNotice{{},
                               mention(command.by) +
                                   " recorded that HR is done. cocbot is archiving HR's channel: "
                                   "HR sees nothing more of this incident.",
                               {}});
    settle(decision, committee, incident, now);
    return decision;
}

Outcome record_hr_report(const Committee& committee, const Incident& incident,
                         const RecordHrReport& command, Time now) {
    if (auto refused = not_open(incident))
        return *refused;
    const bool hr_contact =
        incident.hr_asked(command.by) &&
        (contains(incident.hr_cleared, command.by) || !incident.hr->own_channel);
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

} // namespace cocbot::core::detail
