// File: storage/reseal.hpp
// Every sealed value of a database read under one key (or none: plain text) and written again
// under another (or none), in one transaction. It is how a plain database is sealed, how what
// this version seals but an earlier one kept with the data is moved, and how `cocbot rekey`
// changes the key.
#pragma once

#include "storage/sealer.hpp"

#include <SQLiteCpp/Database.h>
#include <cstddef>
#include <functional>

namespace cocbot::storage {

// How this version lays out what it seals. 2: the reported person and the report's flags are
// sealed with the event's secrets, the outbox's payloads are sealed, and the escrow index holds
// fingerprints. A database in an older layout is resealed at its next start (Database).
constexpr int sealed_layout = 2;
int stored_layout(SQLite::Database& db);

// Reads every event secret and outbox payload with `from` (a value not sealed is read as it is),
// moves what this version seals out of the events' data, writes each again with `to` (as it is
// without), rebuilds the escrow index for `to`, writes the key check under `to` and records the
// layout. One transaction: throws, having changed nothing, when a value does not open with
// `from`. `also` runs in the same transaction, before its commit (the audit log's entry).
// Returns how many values it wrote.
std::size_t reseal(SQLite::Database& db, const Sealer* from, const Sealer* to,
                   const std::function<void()>& also = {});

} // namespace cocbot::storage
