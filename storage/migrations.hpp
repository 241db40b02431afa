// File: storage/migrations.hpp
// The schema as an ordered list of SQL scripts, gated by PRAGMA user_version.
#pragma once

#include <SQLiteCpp/Database.h>

namespace cocbot::storage {

// The schema version this binary writes: the number of migration scripts it knows.
int latest_schema_version();

// The database's schema version (PRAGMA user_version); 0 for a new database.
int schema_version(SQLite::Database& db);

// Applies every pending migration in one IMMEDIATE transaction: all of them or none. Running it
// on an up-to-date database changes nothing. Throws std::runtime_error for a database written by
// a newer cocbot, which this binary must not touch.
void migrate(SQLite::Database& db);

// As migrate, but stops at schema version `target` (0 to latest_schema_version(), else
// std::invalid_argument), so that a test can build a database as an older cocbot left it.
// Never goes back: a database already at or past `target` is left as it is.
void migrate_to(SQLite::Database& db, int target);

} // namespace cocbot::storage
