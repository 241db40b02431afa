// File: core/deadlines.cpp
#include "core/deadlines.hpp"

#include <algorithm>

namespace cocbot::core {

bool needs_acknowledgement(const Incident& incident) {
    const auto& flags = incident.report.flags;
    return incident.open() && !flags.anonymous && !flags.escrow &&
           incident.report.source != Source::slack && !incident.acknowledged_at;
}

std::vector<Reminder> owed_reminders(const Incident& incident, const Deadlines& d) {
    std::vector<Reminder> owed;
    // A hand-off to HR stops no clock: the committee still owes the reporter its follow-up.
    if (!incident.open())
        return owed;
    const auto add = [&](ReminderKind kind, Time due, UserId member = {}) {
        if (!incident.reminded(kind, member))
            owed.push_back({kind, due, std::move(member)});
    };
    // Channel reminders wait for the channel: there is nowhere else to say them.
    if (!incident.channel.empty()) {
        if (needs_acknowledgement(incident)) {
            if (!incident.reminded(ReminderKind::acknowledge_due, {}))
                add(ReminderKind::acknowledge_soon, incident.filed_at + d.acknowledge * 3 / 4);
            add(ReminderKind::acknowledge_due, incident.filed_at + d.acknowledge);
        }
        if (incident.primary_owner.empty() && incident.secondary_owner.empty())
            add(ReminderKind::owners_missing, incident.filed_at + d.owner_nudge);
    }
    // Repeating reminders: the next is owed one period after the last one sent (or after the
    // clock started), so a long outage yields one reminder, not a burst.
    const auto repeating = [&](ReminderKind kind, Time started, Duration period) {
        const auto last = incident.last_reminder(kind, started);
        owed.push_back({kind, last.value_or(started) + period, {}});
    };
    if (!incident.channel.empty() && incident.reporter_reachable()) {
        if (!incident.decision_communicated_at())
            repeating(ReminderKind::decision_overdue, incident.filed_at, d.decision);
        if (incident.missing_since)
            repeating(ReminderKind::reporter_update, *incident.missing_since, d.reporter_update);
    }
    if (incident.status == Status::handed_off && incident.handed_off_at && !incident.hr_report)
        repeating(ReminderKind::hr_report_due, *incident.handed_off_at, d.hr_report);
    for (const auto& member : incident.committee)
        if (!incident.declaration_of(member))
            add(ReminderKind::conflict_nudge, incident.filed_at + d.conflict_nudge, member);
    std::stable_sort(owed.begin(), owed.end(),
                     [](const Reminder& a, const Reminder& b) { return a.due < b.due; });
    return owed;
}

namespace {

// A reminder that a later one due with it makes pointless: after downtime past the deadline,
// "the deadline passed" alone, not also "must be acknowledged by <a time already gone>".
bool superseded(const Reminder& reminder, const std::vector<Reminder>& due) {
    return reminder.kind == ReminderKind::acknowledge_soon &&
           std::any_of(due.begin(), due.end(),
                       [](const Reminder& r) { return r.kind == ReminderKind::acknowledge_due; });
}

} // namespace

std::vector<Reminder> due_reminders(const Incident& incident, const Deadlines& d, Time now) {
    auto due = owed_reminders(incident, d);
    std::erase_if(due, [&](const Reminder& r) { return r.due > now; });
    const auto all_due = due;
    std::erase_if(due, [&](const Reminder& r) { return superseded(r, all_due); });
    return due;
}

std::optional<Time> next_check(const Incident& incident, const Deadlines& d) {
    const auto owed = owed_reminders(incident, d);
    if (owed.empty())
        return std::nullopt;
    return owed.front().due;
}

} // namespace cocbot::core
