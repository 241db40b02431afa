// File: storage/migrations.cpp
#include "storage/migrations.hpp"

#include "storage/escrow_index.hpp"

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

// Version 2: when each incident's deadlines must next be checked, as core computed it; one row
// per incident with a deadline ahead, so that the scheduler needs one timer, not one per rule.
constexpr const char* schema_v2 = R"sql(
CREATE TABLE jobs (
    incident_id TEXT PRIMARY KEY NOT NULL REFERENCES incidents(id),
    due_at      INTEGER NOT NULL
);
CREATE INDEX jobs_due ON jobs (due_at);
)sql";

// Version 3: report submissions already filed, by the modal's view id and hash, so that a
// resubmitted modal (Slack's retry, or Submit pressed twice) gets its first reference back.
constexpr const char* schema_v3 = R"sql(
CREATE TABLE submissions (
    view_id     TEXT NOT NULL,
    hash        TEXT NOT NULL,
    incident_id TEXT NOT NULL REFERENCES incidents(id),
    seen_at     INTEGER NOT NULL,
    PRIMARY KEY (view_id, hash)
);
CREATE INDEX submissions_by_time ON submissions (seen_at);
)sql";

// Version 4: which incident a channel belongs to (its own channel, or HR's), found by key
// rather than by reading every event ever stored.
constexpr const char* schema_v4 = R"sql(
CREATE INDEX events_by_channel ON events (json_extract(data, '$.channel'))
    WHERE type IN ('channel_opened', 'hr_channel_opened');
)sql";

// Version 5: the committee's roster, seeded from committee.members and reconciled with it at
// each start. Every change is kept, with whether it has reached every incident yet, so that a
// crash part-way through carrying it out resumes it on the next start.
constexpr const char* schema_v5 = R"sql(
CREATE TABLE roster (
    user_id TEXT PRIMARY KEY NOT NULL,
    since   INTEGER NOT NULL
);

CREATE TABLE roster_changes (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    change  TEXT NOT NULL CHECK (change IN ('added', 'removed')),
    applied INTEGER NOT NULL DEFAULT 0 CHECK (applied IN (0, 1))
);
CREATE INDEX roster_changes_unapplied ON roster_changes (applied, seq);
)sql";

// Version 6: escrowed reports by the keys of the person they name (EscrowIndex), so that a new
// report finds them by key. Filled from the reports already stored (index_stored_escrows).
constexpr const char* schema_v6 = R"sql(
CREATE TABLE escrow_keys (
    key         TEXT NOT NULL,
    incident_id TEXT NOT NULL REFERENCES incidents(id),
    PRIMARY KEY (key, incident_id)
) WITHOUT ROWID;
)sql";

// Version 7: whether each incident can show anything in /coc list and App Home (open, or with a
// motion open), written with its events, so that an overview replays only those. Incidents
// stored before get their row at the next start (ReadModels::catch_up).
constexpr const char* schema_v7 = R"sql(
CREATE TABLE incident_activity (
    incident_id TEXT PRIMARY KEY NOT NULL REFERENCES incidents(id),
    active      INTEGER NOT NULL CHECK (active IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX incident_activity_active ON incident_activity (incident_id) WHERE active = 1;
)sql";

// Version 8: the key check, one value sealed with the database's key (storage/sealing.cpp): a
// key that does not open it is the wrong one, found before anything is read or written.
constexpr const char* schema_v8 = R"sql(
CREATE TABLE seal_check (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value TEXT NOT NULL
);
)sql";

// Version 9: which layout the sealed values are in (storage/reseal.hpp). Databases from before
// kept the reported person and the report's flags with the data, and the outbox's payloads and
// the escrow index in plain text: layout 1, resealed at the start that has the key.
constexpr const char* schema_v9 = R"sql(
CREATE TABLE sealed_layout (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO sealed_layout (id, version) VALUES (1, 1);
)sql";

// Version 10: the audit log (storage/audit_log.hpp), append-only and hash-chained, and when its
// head was last posted to the committee.
constexpr const char* schema_v10 = R"sql(
CREATE TABLE audit_log (
    seq      INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    incident TEXT NOT NULL,
    detail   TEXT NOT NULL,
    prev     TEXT NOT NULL,
    hash     TEXT NOT NULL
);
CREATE INDEX audit_log_by_incident ON audit_log (incident, seq) WHERE incident <> '';
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE audit_heads (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    posted_at INTEGER NOT NULL,
    seq       INTEGER NOT NULL
);
)sql";

// Version 11: when each incident's retention period began and which it is (core::retention_start),
// written with its events, so that what is due is found by key whatever the periods are
// configured to; and the incidents whose records were erased.
constexpr const char* schema_v11 = R"sql(
CREATE TABLE retention (
    incident_id TEXT PRIMARY KEY NOT NULL REFERENCES incidents(id),
    since       INTEGER,
    reason      TEXT
) WITHOUT ROWID;
CREATE INDEX retention_due ON retention (reason, since) WHERE since IS NOT NULL;

CREATE TABLE erasures (
    incident_id TEXT PRIMARY KEY NOT NULL REFERENCES incidents(id),
    at          INTEGER NOT NULL,
    reason      TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 12: incidents found by when they were filed (a quarter's transparency report reads its
// own quarter only), and the quarters whose publishing reminder was posted (once each).
constexpr const char* schema_v12 = R"sql(
CREATE INDEX incidents_by_filing ON incidents (filed_at);

CREATE TABLE quarter_reminders (
    quarter TEXT PRIMARY KEY NOT NULL,
    at      INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// Version 13: the committee governs itself. The configured list as last applied (so that a member
// the committee removed is not added back by the configuration that still lists them); motions to
// remove or admit a member, decided by all members, with their sealed reason and message; each
// member's check-in; and off-boardings, with the channels to leave and the checklist's ticks.
constexpr const char* schema_v13 = R"sql(
CREATE TABLE roster_configured (
    user_id TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;
INSERT INTO roster_configured (user_id) SELECT user_id FROM roster;

CREATE TABLE committee_motions (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    proposer    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    farewell    TEXT NOT NULL,
    proposed_at INTEGER NOT NULL,
    result      TEXT NOT NULL DEFAULT 'open',
    decided_at  INTEGER
);
CREATE INDEX committee_motions_open ON committee_motions (result, subject);

CREATE TABLE committee_ballots (
    motion_id INTEGER NOT NULL REFERENCES committee_motions(id),
    voter     TEXT NOT NULL,
    vote      INTEGER,
    channel   TEXT,
    ts        TEXT,
    PRIMARY KEY (motion_id, voter)
) WITHOUT ROWID;

CREATE TABLE check_ins (
    user_id      TEXT PRIMARY KEY NOT NULL,
    answered_at  INTEGER,
    asked_at     INTEGER,
    channel      TEXT,
    ts           TEXT,
    overdue_told INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE offboardings (
    id                INTEGER PRIMARY KEY,
    user_id           TEXT NOT NULL,
    cause             TEXT NOT NULL,
    by_user           TEXT NOT NULL,
    motion_id         INTEGER REFERENCES committee_motions(id),
    started_at        INTEGER NOT NULL,
    checklist_to      TEXT NOT NULL,
    checklist_channel TEXT,
    checklist_ts      TEXT,
    checklist_at      INTEGER,
    told_at           INTEGER
);
CREATE INDEX offboardings_open ON offboardings (id) WHERE told_at IS NULL;

CREATE TABLE offboard_channels (
    offboarding_id INTEGER NOT NULL REFERENCES offboardings(id),
    channel        TEXT NOT NULL,
    state          TEXT NOT NULL DEFAULT 'pending',
    error          TEXT,
    tried_at       INTEGER,
    PRIMARY KEY (offboarding_id, channel)
) WITHOUT ROWID;

CREATE TABLE offboard_ticks (
    offboarding_id INTEGER NOT NULL REFERENCES offboardings(id),
    item           TEXT NOT NULL,
    by_user        TEXT NOT NULL,
    at             INTEGER NOT NULL,
    PRIMARY KEY (offboarding_id, item)
) WITHOUT ROWID;
)sql";

// Append only: a released script is never edited, since databases in the field already ran it.
constexpr std::array migrations{schema_v1,  schema_v2,  schema_v3, schema_v4, schema_v5,
                                schema_v6,  schema_v7,  schema_v8, schema_v9, schema_v10,
                                schema_v11, schema_v12, schema_v13};

// What a version needs beyond its script: data that only C++ can compute.
void after_script(SQLite::Database& db, int version) {
    if (version == 6)
        index_stored_escrows(db);
}

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
    migrate_to(db, latest);
}

void migrate_to(SQLite::Database& db, int target) {
    if (target < 0 || target > latest)
        throw std::invalid_argument("no schema version " + std::to_string(target));
    // Checked before taking the write lock, so an up-to-date database is only read.
    const int found = schema_version(db);
    refuse_if_newer(found);
    if (found >= target)
        return;

    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Read again under the lock: another process may have migrated in between.
    const int current = schema_version(db);
    refuse_if_newer(current);
    if (current >= target)
        return;
    for (int version = current; version < target; ++version) {
        db.exec(migrations[static_cast<std::size_t>(version)]);
        after_script(db, version + 1);
    }
    db.exec("PRAGMA user_version = " + std::to_string(target));
    transaction.commit();
}

} // namespace cocbot::storage
