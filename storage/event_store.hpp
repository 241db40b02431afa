// File: storage/event_store.hpp
// Reads incidents back: their events in order, and their state as the fold of those events.
#pragma once

#include "core/events.hpp"
#include "core/ids.hpp"
#include "core/incident.hpp"
#include "storage/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <optional>
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
    // Every incident, replayed, in the order of all_incidents(). Throws like events().
    std::vector<core::Incident> incidents();
    // The incidents marked active (UnitOfWork::set_active), replayed, in the same order: what
    // an overview may show, whatever the number of incidents ever stored.
    std::vector<core::Incident> active_incidents();
    // The incidents filed in [from, to), replayed, by reference: read by key, so a quarter's
    // report costs that quarter's incidents alone.
    std::vector<core::Incident> filed_between(core::Time from, core::Time to);
    // Incidents with no activity row yet (stored before there were any).
    std::vector<core::IncidentId> without_activity();
    // The incident whose private channel this is (its ChannelOpened event); none for any other
    // channel. Should a channel ever be opened twice, the latest incident to open it wins.
    std::optional<core::IncidentId> incident_by_channel(const core::ChannelId& channel);

private:
    Database& db_;
    const Sealer* sealer_; // null: stored as it is
    SQLite::Statement& select_events_;
    SQLite::Statement& select_exists_;
    SQLite::Statement& select_all_;
    SQLite::Statement& select_all_events_;
    SQLite::Statement& select_by_channel_;
    SQLite::Statement& select_active_;
    SQLite::Statement& select_without_activity_;
};

} // namespace cocbot::storage
