// File: storage/jobs.hpp
// The scheduler's view of the jobs table: which incidents' deadlines are due for a check, and
// when to look next. Core computes each time; UnitOfWork::schedule stores it with the events.
#pragma once

#include "core/ids.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <optional>
#include <vector>

namespace cocbot::storage {

// Reads only; each call is its own statement (autocommit).
class Jobs {
public:
    explicit Jobs(Database& db);

    // Incidents with due_at <= now, the longest overdue first (ties by incident id).
    std::vector<core::IncidentId> due(core::Time now);
    // The smallest due_at, for the scheduler's one timer; none when no incident has a job.
    std::optional<core::Time> earliest();
    // When `incident` is next due; none when it has no job.
    std::optional<core::Time> due_at(const core::IncidentId& incident);

private:
    SQLite::Statement select_due_;
    SQLite::Statement select_earliest_;
    SQLite::Statement select_due_at_;
};

} // namespace cocbot::storage
