// File: storage/event_store.cpp
#include "storage/event_store.hpp"

#include "storage/event_codec.hpp"

#include <optional>
#include <string>
#include <utility>

namespace cocbot::storage {

namespace {

constexpr const char* select_events_sql =
    "SELECT events.type, events.data, event_secrets.data FROM events "
    "LEFT JOIN event_secrets ON event_secrets.event_seq = events.seq "
    "WHERE events.incident_id = :incident_id ORDER BY events.seq";

constexpr const char* select_exists_sql = "SELECT 1 FROM incidents WHERE id = :id";

constexpr const char* select_all_sql = "SELECT id FROM incidents ORDER BY year, number";

std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull())
        return std::nullopt;
    return column.getString();
}

} // namespace

EventStore::EventStore(Database& db)
    : select_events_(db.sql(), select_events_sql), select_exists_(db.sql(), select_exists_sql),
      select_all_(db.sql(), select_all_sql) {}

std::vector<core::Event> EventStore::events(const core::IncidentId& incident) {
    select_events_.reset();
    select_events_.bind(":incident_id", incident.value);
    std::vector<EncodedEvent> rows;
    while (select_events_.executeStep())
        rows.push_back({select_events_.getColumn(0).getString(),
                        select_events_.getColumn(1).getString(),
                        optional_text(select_events_.getColumn(2))});
    // Decoded after the read has finished, so a bad row cannot leave the statement open.
    std::vector<core::Event> events;
    events.reserve(rows.size());
    for (const auto& row : rows)
        events.push_back(decode_event(row.type, row.data, row.sensitive));
    return events;
}

core::Incident EventStore::incident(const core::IncidentId& id) {
    core::Incident unknown; // what replay starts from: status none
    unknown.id = id;
    return core::replay(std::move(unknown), events(id));
}

bool EventStore::exists(const core::IncidentId& id) {
    select_exists_.reset();
    select_exists_.bind(":id", id.value);
    const bool found = select_exists_.executeStep();
    select_exists_.reset();
    return found;
}

std::vector<core::IncidentId> EventStore::all_incidents() {
    select_all_.reset();
    std::vector<core::IncidentId> ids;
    while (select_all_.executeStep())
        ids.push_back(core::IncidentId{select_all_.getColumn(0).getString()});
    return ids;
}

} // namespace cocbot::storage
