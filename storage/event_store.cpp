// File: storage/event_store.cpp
#include "storage/event_store.hpp"

#include "storage/event_codec.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace cocbot::storage {

namespace {

constexpr const char* select_events_sql =
    "SELECT events.type, events.data, event_secrets.data, events.seq FROM events "
    "LEFT JOIN event_secrets ON event_secrets.event_seq = events.seq "
    "WHERE events.incident_id = :incident_id ORDER BY events.seq";

constexpr const char* select_exists_sql = "SELECT 1 FROM incidents WHERE id = :id";

constexpr const char* select_all_sql = "SELECT id FROM incidents ORDER BY year, number";

// Every incident with its events, in one pass; an incident without events has one row of NULLs.
constexpr const char* select_all_events_sql =
    "SELECT incidents.id, events.type, events.data, event_secrets.data, events.seq FROM incidents "
    "LEFT JOIN events ON events.incident_id = incidents.id "
    "LEFT JOIN event_secrets ON event_secrets.event_seq = events.seq "
    "ORDER BY incidents.year, incidents.number, events.seq";

// The codec stores ChannelOpened and HrChannelOpened with data {"channel": ...}; the partial
// index events_by_channel (schema version 4) answers this by key.
constexpr const char* select_by_channel_sql =
    "SELECT incident_id FROM events "
    "WHERE type IN ('channel_opened', 'hr_channel_opened') "
    "AND json_extract(data, '$.channel') = :channel "
    "ORDER BY seq DESC LIMIT 1";

// By the index incidents_by_filing (schema version 12): a quarter's incidents alone.
constexpr const char* select_filed_between_sql =
    "SELECT id FROM incidents WHERE filed_at >= :from AND filed_at < :to ORDER BY year, number";

// CROSS JOIN keeps the active rows the outer loop (SQLite does not reorder it): without it the
// planner may walk every incident in order and look each one up.
constexpr const char* select_active_sql =
    "SELECT a.incident_id FROM incident_activity a CROSS JOIN incidents i ON i.id = a.incident_id "
    "WHERE a.active = 1 ORDER BY i.year, i.number";

constexpr const char* select_without_activity_sql =
    "SELECT id FROM incidents WHERE NOT EXISTS "
    "(SELECT 1 FROM incident_activity a WHERE a.incident_id = incidents.id) "
    "ORDER BY year, number";

std::vector<core::IncidentId> ids_from(SQLite::Statement& query) {
    query.tryReset();
    std::vector<core::IncidentId> ids;
    while (query.executeStep())
        ids.push_back(core::IncidentId{query.getColumn(0).getString()});
    query.tryReset();
    return ids;
}

std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull())
        return std::nullopt;
    return column.getString();
}

// An event as stored: its secret data still sealed, and the seq it is bound to.
struct StoredEvent {
    EncodedEvent encoded;
    std::int64_t seq = 0;
};

// The stored event in the four columns from `first` on: type, data, secret data, seq.
StoredEvent read_event(SQLite::Statement& row, int first) {
    return {{row.getColumn(first).getString(), row.getColumn(first + 1).getString(),
             optional_text(row.getColumn(first + 2))},
            row.getColumn(first + 3).getInt64()};
}

// Opened and decoded after the read has finished, so a bad row cannot leave the statement open.
core::Event decoded(const StoredEvent& row, const core::IncidentId& incident,
                    const Sealer* sealer) {
    const auto& secret = row.encoded.sensitive;
    if (!secret || !Sealer::is_sealed(*secret))
        return decode_event(row.encoded.type, row.encoded.data, secret);
    if (!sealer)
        throw std::runtime_error("a sealed value, and no key to open it");
    auto opened = sealer->open(*secret, secret_row(incident.value, row.seq));
    if (!opened)
        throw std::runtime_error("a sealed value of incident " + incident.value +
                                 " does not open: it was edited, or moved from another row");
    return decode_event(row.encoded.type, row.encoded.data, opened);
}

// What replay starts from: status none.
core::Incident unknown(const core::IncidentId& id) {
    core::Incident incident;
    incident.id = id;
    return incident;
}

struct IncidentRow {
    core::IncidentId incident;
    std::optional<StoredEvent> event;
};

} // namespace

EventStore::EventStore(Database& db)
    : db_(db), sealer_(db.sealer()), select_events_(db.prepared(select_events_sql)),
      select_exists_(db.prepared(select_exists_sql)), select_all_(db.prepared(select_all_sql)),
      select_all_events_(db.prepared(select_all_events_sql)),
      select_by_channel_(db.prepared(select_by_channel_sql)),
      select_active_(db.prepared(select_active_sql)),
      select_without_activity_(db.prepared(select_without_activity_sql)) {}

std::vector<core::Event> EventStore::events(const core::IncidentId& incident) {
    select_events_.tryReset();
    select_events_.bind(":incident_id", incident.value);
    std::vector<StoredEvent> rows;
    while (select_events_.executeStep())
        rows.push_back(read_event(select_events_, 0));
    std::vector<core::Event> events;
    events.reserve(rows.size());
    for (const auto& row : rows)
        events.push_back(decoded(row, incident, sealer_));
    return events;
}

core::Incident EventStore::incident(const core::IncidentId& id) {
    return core::replay(unknown(id), events(id));
}

bool EventStore::exists(const core::IncidentId& id) {
    select_exists_.tryReset();
    select_exists_.bind(":id", id.value);
    const bool found = select_exists_.executeStep();
    select_exists_.tryReset();
    return found;
}

std::vector<core::IncidentId> EventStore::all_incidents() {
    select_all_.tryReset();
    std::vector<core::IncidentId> ids;
    while (select_all_.executeStep())
        ids.push_back(core::IncidentId{select_all_.getColumn(0).getString()});
    return ids;
}

std::vector<core::Incident> EventStore::active_incidents() {
    std::vector<core::Incident> incidents;
    for (const auto& id : ids_from(select_active_))
        incidents.push_back(incident(id));
    return incidents;
}

std::vector<core::Incident> EventStore::filed_between(core::Time from, core::Time to) {
    auto& query = db_.prepared(select_filed_between_sql);
    query.bind(":from", core::unix_seconds(from));
    query.bind(":to", core::unix_seconds(to));
    std::vector<core::Incident> incidents;
    for (const auto& id : ids_from(query))
        incidents.push_back(incident(id));
    return incidents;
}

std::vector<core::IncidentId> EventStore::without_activity() {
    return ids_from(select_without_activity_);
}

std::vector<core::Incident> EventStore::incidents() {
    select_all_events_.tryReset();
    std::vector<IncidentRow> rows;
    while (select_all_events_.executeStep()) {
        IncidentRow& row = rows.emplace_back(IncidentRow{
            core::IncidentId{select_all_events_.getColumn(0).getString()}, std::nullopt});
        if (!select_all_events_.getColumn(1).isNull())
            row.event = read_event(select_all_events_, 1);
    }
    // Decoded after the read, as in events(); rows of one incident are adjacent.
    std::vector<core::Incident> incidents;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& [id, event] = rows[i];
        if (i == 0 || rows[i - 1].incident != id)
            incidents.push_back(unknown(id));
        if (event)
            incidents.back() =
                core::evolve(std::move(incidents.back()), decoded(*event, id, sealer_));
    }
    return incidents;
}

std::optional<core::IncidentId> EventStore::incident_by_channel(const core::ChannelId& channel) {
    select_by_channel_.tryReset();
    select_by_channel_.bind(":channel", channel.value);
    std::optional<core::IncidentId> found;
    if (select_by_channel_.executeStep())
        found = core::IncidentId{select_by_channel_.getColumn(0).getString()};
    select_by_channel_.tryReset();
    return found;
}

} // namespace cocbot::storage
