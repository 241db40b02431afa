// File: core/overview.cpp
#include "core/overview.hpp"

#include "core/person_names.hpp"

#include <algorithm>

namespace cocbot::core {

namespace {

bool same_person(const ReportedPerson& a, const ReportedPerson& b) {
    if (!a.user.empty() && a.user == b.user)
        return true;
    return same_name(a.name, b.name);
}

std::optional<bool> ballot_of(const Motion& motion, const UserId& member) {
    const auto found = motion.ballots.find(member);
    if (found == motion.ballots.end())
        return std::nullopt;
    return found->second;
}

} // namespace

// The deadlines people act on; the early acknowledgement reminder and the personal conflict
// nudges are reminders of these, not deadlines of their own.
std::vector<Reminder> open_deadlines(const Incident& incident, const Deadlines& deadlines) {
    auto owed = owed_reminders(incident, deadlines);
    std::erase_if(owed, [](const Reminder& r) {
        return r.kind == ReminderKind::acknowledge_soon || r.kind == ReminderKind::conflict_nudge;
    });
    return owed;
}

std::optional<IncidentSummary> summary_for(const UserId& member, const Incident& incident,
                                           const Deadlines& deadlines) {
    if (!incident.exists() || !incident.is_cleared(member))
        return std::nullopt;
    return IncidentSummary{incident.id,
                           incident.status,
                           incident.report.reported,
                           incident.channel,
                           incident.primary_owner,
                           incident.secondary_owner,
                           incident.responsible(),
                           incident.filed_at,
                           open_deadlines(incident, deadlines)};
}

Overview overview_for(const UserId& member, const std::vector<Incident>& incidents,
                      const Deadlines& deadlines) {
    Overview overview;
    for (const auto& incident : incidents) {
        if (incident.may_vote(member))
            for (const Motion* motion : incident.open_motions())
                if (!incident.closed() || motion->kind == MotionKind::reopen)
                    overview.motions.push_back({incident.id, motion->number, motion->kind,
                                                motion->text, ballot_of(*motion, member)});
        if (incident.closed())
            continue;
        if (auto summary = summary_for(member, incident, deadlines))
            overview.open.push_back(std::move(*summary));
        else if (incident.status == Status::triage && incident.asked(member) &&
                 !incident.declaration_of(member))
            overview.pending.push_back(
                {incident.id, incident.report.reported, incident.report.source});
    }
    return overview;
}

bool shown_in_overviews(const Incident& incident) {
    return incident.open() || !incident.open_motions().empty();
}

std::vector<IncidentId> shown_incidents(const Overview& overview) {
    std::vector<IncidentId> shown;
    const auto add = [&](const IncidentId& id) {
        if (std::find(shown.begin(), shown.end(), id) == shown.end())
            shown.push_back(id);
    };
    for (const auto& summary : overview.open)
        add(summary.id);
    for (const auto& pending : overview.pending)
        add(pending.id);
    for (const auto& motion : overview.motions)
        add(motion.incident);
    return shown;
}

std::vector<std::string> person_keys(const ReportedPerson& reported) {
    std::vector<std::string> keys;
    if (!reported.user.empty())
        keys.push_back("user:" + reported.user.value);
    if (auto key = name_key(reported.name); !key.empty())
        keys.push_back("name:" + key);
    return keys;
}

std::vector<IncidentId> matching_escrows(const ReportedPerson& reported,
                                         const std::vector<Incident>& incidents) {
    std::vector<IncidentId> matches;
    for (const auto& incident : incidents)
        if (incident.report.flags.escrow && same_person(incident.report.reported, reported))
            matches.push_back(incident.id);
    return matches;
}

} // namespace cocbot::core
