// File: storage/event_store.hpp
// Reads incidents back: their events in order, and their state as the fold of those events.
#pragma once

#include "core/events.hpp"
#include "core/ids.hpp"
#include "core/incident.hpp"
#include "storage/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <vector>

namespace cocbot::storage {

class EventStore {
public:
    explicit EventStore(Database& db);

    // In the order they were appended; empty for an unknown incident. Throws std::runtime_error
    // for a row that does not decode.
    std::vector<core::Event> events(const core::IncidentId& incident);
    // The replay of its events; status none for an unknown incident.
    core::Incident incident(const core::IncidentId& id);
    bool exists(const core::IncidentId& id);
    // Ordered by year, then number.
    std::vector<core::IncidentId> all_incidents();

private:
    SQLite::Statement select_events_;
    SQLite::Statement select_exists_;
    SQLite::Statement select_all_;
};

} // namespace cocbot::storage
