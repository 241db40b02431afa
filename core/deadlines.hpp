// File: core/deadlines.hpp
// The plan's clocks as a pure function of an incident's state and the time: which reminders are
// owed, when, and to whom. The shell only keeps one durable "check at" time per incident.
#pragma once

#include "core/deadlines_config.hpp"
#include "core/incident.hpp"

#include <optional>
#include <vector>

namespace cocbot::core {

struct Reminder {
    ReminderKind kind;
    Time due;
    UserId member; // conflict_nudge only: whom to ask again

    friend bool operator==(const Reminder&, const Reminder&) = default;
};

// Whether the reporter must still be acknowledged by the committee. A report made in Slack by
// the reporter is acknowledged by its own confirmation; anonymous and escrowed ones cannot be.
bool needs_acknowledgement(const Incident& incident);

// Every reminder still owed, due or not, in order of time. Each is owed once.
std::vector<Reminder> owed_reminders(const Incident& incident, const Deadlines& deadlines);

// The owed reminders whose time has come.
std::vector<Reminder> due_reminders(const Incident& incident, const Deadlines& deadlines, Time now);

// When the incident's deadlines must next be looked at; nullopt when nothing is owed.
std::optional<Time> next_check(const Incident& incident, const Deadlines& deadlines);

} // namespace cocbot::core
