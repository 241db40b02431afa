// File: core/decide.cpp
// Each command has one small function; decide() only dispatches.
#include "core/decide.hpp"

#include "core/overloaded.hpp"

#include <algorithm>

namespace cocbot::core {

namespace {

Rejection unknown_incident() {
    return {Rejection::Reason::unknown_incident, "There is no incident with that reference.", {}};
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
        .reported_is_member = committee.is_member(report.reported.user),
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
    }
    decision.events.push_back(std::move(filed));
    if (committee.is_member(report.reported.user))
        decision.events.push_back(ConflictDeclared{report.reported.user, true, now});
    return decision;
}

TriagePrompt triage_prompt_for(const Incident& incident) {
    int answered = 0;
    for (const auto& member : incident.committee)
        answered += incident.declaration_of(member).has_value() ? 1 : 0;
    return {incident.id, incident.report.reported, incident.report.source, answered,
            static_cast<int>(incident.committee.size())};
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
    const ConflictDeclared declared{command.member, command.conflicted, now};
    decision.events.push_back(declared);
    const Incident after = evolve(incident, declared);
    if (incident.triage_prompt)
        decision.effects.push_back(
            Update{incident.id, *incident.triage_prompt, triage_prompt_for(after)});
    decision.reply = command.conflicted
                         ? "Thank you. You will not see anything more about this report."
                         : "Thank you. You have no conflict of interest for this report.";
    return decision;
}

Outcome record_message_posted(const Incident& incident, const RecordMessagePosted& command) {
    if (!incident.exists())
        return unknown_incident();
    return Decision{{MessagePosted{command.message, command.kind}}, {}, {}};
}

} // namespace

Outcome decide(const Committee& committee, const Incident& incident, const Command& command,
               Time now) {
    return std::visit(
        overloaded{
            [&](const SubmitReport& c) { return submit_report(committee, incident, c, now); },
            [&](const DeclareConflict& c) { return declare_conflict(incident, c, now); },
            [&](const RecordMessagePosted& c) { return record_message_posted(incident, c); },
        },
        command);
}

} // namespace cocbot::core
