// File: storage/migrations.cpp
#include "storage/migrations.hpp"

#include <SQLiteCpp/Transaction.h>
#include <array>
#include <stdexcept>
#include <string>

namespace cocbot::storage {

namespace {

// Version 1: incidents, their events (with the sensitive fields in a table of their own), the
// outbox of effects to perform, and the Slack event ids already handled.
constexpr const char* schema_v1 = R"sql(
CREATE TABLE incidents (
    id       TEXT PRIMARY KEY NOT NULL,
    year     INTEGER NOT NULL,
    number   INTEGER NOT NULL CHECK (number > 0),
    filed_at INTEGER NOT NULL,
    UNIQUE (year, number)
);

CREATE TABLE events (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT NOT NULL REFERENCES incidents(id),
    type        TEXT NOT NULL,
    at          INTEGER NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX events_by_incident ON events (incident_id, seq);

-- Reporter identity and contact, description, location: apart from what the workflow queries,
-- so that they can be encrypted at rest without changing the schema's shape.
CREATE TABLE event_secrets (
    event_seq INTEGER PRIMARY KEY REFERENCES events(seq),
    data      TEXT NOT NULL
);

CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT,
    type        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    not_before  INTEGER NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    last_error  TEXT,
    result      TEXT
);
CREATE INDEX outbox_due ON outbox (state, not_before);

CREATE TABLE seen_events (
    event_id TEXT PRIMARY KEY NOT NULL,
    seen_at  INTEGER NOT NULL
);
CREATE INDEX seen_events_by_time ON seen_events (seen_at);
)sql";

// Append only: a released script is never edited, since databases in the field already ran it.
constexpr std::array migrations{schema_v1};

constexpr int latest = static_cast<int>(migrations.size());

void refuse_if_newer(int version) {
    if (version > latest)
        throw std::runtime_error("the database has schema version " + std::to_string(version) +
                                 ", newer than this cocbot understands (" + std::to_string(latest) +
                                 "); run a newer cocbot or restore a backup");
}

} // namespace

int latest_schema_version() {
    return latest;
}

int schema_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

void migrate(SQLite::Database& db) {
    // Checked before taking the write lock, so an up-to-date database is only read.
    const int found = schema_version(db);
    refuse_if_newer(found);
    if (found == latest)
        return;

    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Read again under the lock: another process may have migrated in between.
    const int current = schema_version(db);
    refuse_if_newer(current);
    for (int version = current; version < latest; ++version)
        db.exec(migrations[static_cast<std::size_t>(version)]);
    db.exec("PRAGMA user_version = " + std::to_string(latest));
    transaction.commit();
}

} // namespace cocbot::storage
