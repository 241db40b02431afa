// File: storage/jobs.hpp
// The scheduler's view of the jobs table: which incidents' deadlines are due for a check, and
// when to look next. Core computes each time; UnitOfWork::schedule stores it with the events.
#pragma once

#include "core/ids.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <cstdint>
#include <optional>
#include <vector>

namespace cocbot::storage {

// Each call is its own statement (autocommit).
class Jobs {
public:
    explicit Jobs(Database& db);

    // Incidents with due_at <= now, the longest overdue first (ties by incident id).
    std::vector<core::IncidentId> due(core::Time now);
    // The smallest due_at, for the scheduler's one timer; none when no incident has a job.
    std::optional<core::Time> earliest();
    // When `incident` is next due; none when it has no job.
    std::optional<core::Time> due_at(const core::IncidentId& incident);
    // Moves a check that could not run to `until`, so that one failing incident neither spins
    // the scheduler nor holds up the others. A command that runs later reschedules as usual.
    void postpone(const core::IncidentId& incident, core::Time until);

private:
    SQLite::Statement& select_due_;
    SQLite::Statement& select_earliest_;
    SQLite::Statement& select_due_at_;
    SQLite::Statement& update_due_at_;
};

// Whether cocbot has nothing left to do by itself at `now`: no effect pending, no check due. One
// statement, so one snapshot: a check and the effects it queues commit together. For a reader
// outside the service (the drill, the tests), on a connection of its own.
bool nothing_due(SQLite::Database& db, std::int64_t unix_now);

} // namespace cocbot::storage
