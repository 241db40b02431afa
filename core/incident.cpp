// File: core/incident.cpp
#include "core/incident.hpp"

#include "core/overloaded.hpp"

#include <algorithm>

namespace cocbot::core {

bool Incident::asked(const UserId& member) const {
    return std::find(committee.begin(), committee.end(), member) != committee.end();
}

std::optional<Declaration> Incident::declaration_of(const UserId& member) const {
    const auto found = declarations.find(member);
    if (found == declarations.end())
        return std::nullopt;
    return found->second;
}

std::vector<UserId> Incident::cleared() const {
    std::vector<UserId> result;
    for (const auto& [member, declaration] : declarations)
        if (declaration == Declaration::no_conflict)
            result.push_back(member);
    return result;
}

bool Incident::is_cleared(const UserId& user) const {
    return declaration_of(user) == Declaration::no_conflict;
}

UserId Incident::responsible() const {
    for (const auto* candidate : {&primary_owner, &secondary_owner, &submitted_by})
        if (!candidate->empty() && is_cleared(*candidate))
            return *candidate;
    return {};
}

std::vector<UserId> Incident::to_alert() const {
    std::vector<UserId> people;
    for (const auto* owner : {&primary_owner, &secondary_owner})
        if (!owner->empty() && is_cleared(*owner))
            people.push_back(*owner);
    if (people.empty() && !responsible().empty())
        people.push_back(responsible());
    return people;
}

bool Incident::is_owner(const UserId& user) const {
    return !user.empty() && (user == primary_owner || user == secondary_owner);
}

bool Incident::reminded(ReminderKind kind, const UserId& member) const {
    return std::any_of(reminders_sent.begin(), reminders_sent.end(),
                       [&](const ReminderSent& r) { return r.kind == kind && r.member == member; });
}

std::optional<Time> Incident::last_reminder(ReminderKind kind, Time since) const {
    std::optional<Time> last;
    for (const auto& r : reminders_sent)
        if (r.kind == kind && r.at >= since && (!last || r.at > *last))
            last = r.at;
    return last;
}

std::optional<Time> Incident::decision_communicated_at() const {
    for (const auto& f : follow_ups)
        if (f.decision)
            return f.at;
    return std::nullopt;
}

bool Incident::reporter_reachable() const {
    return !report.flags.anonymous && !report.flags.no_updates;
}

Incident evolve(Incident incident, const Event& event) {
    std::visit(overloaded{
                   [&](const ReportFiled& e) {
                       incident.id = e.incident;
                       incident.status = e.report.flags.escrow ? Status::escrowed : Status::triage;
                       incident.filed_at = e.at;
                       incident.report = e.report;
                       incident.submitted_by = e.submitted_by;
                       incident.committee = e.committee;
                       incident.committee_channel = e.committee_channel;
                       incident.reported_is_member = e.reported_is_member;
                       incident.escrow_matches = e.escrow_matches;
                   },
                   [&](const ConflictDeclared& e) {
                       incident.declarations[e.member] =
                           e.conflicted ? Declaration::conflict : Declaration::no_conflict;
                   },
                   [&](const MessagePosted& e) {
                       if (e.kind == MessageKind::triage_prompt)
                           incident.triage_prompt = e.message;
                       else if (e.kind == MessageKind::control_panel)
                           incident.control_panel = e.message;
                   },
                   [&](const ChannelOpened& e) { incident.channel = e.channel; },
                   [&](const OwnerNamed& e) {
                       (e.role == OwnerRole::primary ? incident.primary_owner
                                                     : incident.secondary_owner) = e.owner;
                   },
                   [&](const UnclearedMemberFound&) {},
                   [&](const RemovalRefused&) {},
                   [&](const ImmediateActionRecorded&) {},
                   [&](const ReporterAcknowledged& e) { incident.acknowledged_at = e.at; },
                   [&](const ReminderSent& e) { incident.reminders_sent.push_back(e); },
                   [&](const ReportedPersonMissing& e) {
                       incident.missing_since =
                           e.missing ? std::optional<Time>{e.at} : std::nullopt;
                   },
                   [&](const ReporterFollowedUp& e) { incident.follow_ups.push_back(e); },
                   [&](const EscrowActivated& e) {
                       incident.escrow_activated.insert(incident.escrow_activated.end(),
                                                        e.escrowed.begin(), e.escrowed.end());
                   },
               },
               event);
    return incident;
}

} // namespace cocbot::core
