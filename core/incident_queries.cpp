// File: core/incident_queries.cpp
// What an incident's state answers: who was asked, who is cleared, who may be where, what is
// still owed. (incident.cpp builds the state from the events.)
#include "core/incident.hpp"

#include <algorithm>

namespace cocbot::core {

bool Incident::asked(const UserId& member) const {
    return std::find(committee.begin(), committee.end(), member) != committee.end();
}

bool Incident::kept() const {
    return std::any_of(motions.begin(), motions.end(), [](const Motion& motion) {
        return motion.kind == MotionKind::keep && motion.result == MotionResult::passed;
    });
}

bool Incident::involves(const UserId& member) const {
    return asked(member) || declarations.contains(member) || contains(name_matched, member) ||
           std::any_of(direct_messages.begin(), direct_messages.end(),
                       [&](const DirectMessage& sent) { return sent.to == member; });
}

bool Incident::is_reporter(const UserId& user) const {
    return !user.empty() && user == submitted_by && filed_in_own_name(report);
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

std::vector<UserId> Incident::electorate() const {
    auto voters = cleared();
    std::erase_if(voters, [&](const UserId& member) {
        return std::find(away.begin(), away.end(), member) != away.end();
    });
    return voters;
}

bool Incident::may_vote(const UserId& user) const {
    const auto voters = electorate();
    return std::find(voters.begin(), voters.end(), user) != voters.end();
}

bool Incident::may_be_present(const UserId& user) const {
    // HR invited into the incident channel by an earlier version stays until HR done.
    return is_cleared(user) || (hr && !hr->own_channel && contains(hr->contacts, user));
}

bool Incident::hr_asked(const UserId& user) const {
    return hr && contains(hr->contacts, user);
}

bool Incident::hr_answered(const UserId& user) const {
    return contains(hr_cleared, user) || contains(hr_conflicted, user);
}

bool Incident::may_be_in_hr_channel(const UserId& user) const {
    return is_cleared(user) || (hr_asked(user) && contains(hr_cleared, user));
}

std::vector<UserId> Incident::hr_remaining() const {
    std::vector<UserId> remaining;
    if (hr)
        std::copy_if(hr->contacts.begin(), hr->contacts.end(), std::back_inserter(remaining),
                     [&](const UserId& contact) { return !contains(hr_conflicted, contact); });
    return remaining;
}

const Motion* Incident::motion(int number) const {
    if (number < 1 || number > static_cast<int>(motions.size()))
        return nullptr;
    return &motions[static_cast<std::size_t>(number - 1)];
}

const std::string* Incident::quoted(const QuoteRef& ref) const {
    if (ref.incident != id)
        return nullptr;
    if (ref.source == QuoteSource::motion) {
        const Motion* m = motion(ref.index);
        return m == nullptr ? nullptr : &m->text;
    }
    if (ref.index < 0 || ref.index >= static_cast<int>(records.size()))
        return nullptr;
    return &records[static_cast<std::size_t>(ref.index)];
}

std::vector<const Motion*> Incident::open_motions() const {
    std::vector<const Motion*> result;
    for (const auto& m : motions)
        if (m.open())
            result.push_back(&m);
    return result;
}

std::vector<IncidentId> Incident::escrow_pending() const {
    std::vector<IncidentId> pending;
    std::copy_if(escrow_matches.begin(), escrow_matches.end(), std::back_inserter(pending),
                 [&](const IncidentId& match) {
                     return std::find(escrow_activated.begin(), escrow_activated.end(), match) ==
                            escrow_activated.end();
                 });
    return pending;
}

bool Incident::report_withheld() const {
    return pattern && std::find(escrow_activated.begin(), escrow_activated.end(), id) ==
                          escrow_activated.end();
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

} // namespace cocbot::core
