// File: storage/escrow_index.hpp
// Escrowed reports by the keys of the person they name (core::person_keys), so that a new
// report finds the escrowed ones about the same person by index, whatever the history's size.
// With a key, the index holds only the keys' fingerprints (Sealer::fingerprint), never a name.
#pragma once

#include "core/events.hpp"
#include "core/ids.hpp"
#include "storage/database.hpp"

#include <string>
#include <vector>

namespace cocbot::storage {

class EscrowIndex {
public:
    explicit EscrowIndex(Database& db);

    // The escrowed incidents filed under any of `keys`, each once, in the order they were filed.
    std::vector<core::IncidentId> matching(const std::vector<std::string>& keys);

private:
    SQLite::Statement& match_;
    const Sealer* sealer_;
};

// Indexes `filed` if it is kept in escrow, under its keys' fingerprints when `sealer` is given;
// UnitOfWork calls it in the report's own transaction.
void index_if_escrowed(SQLite::Database& db, const Sealer* sealer, const core::ReportFiled& filed);

// Fills the index from the reports already stored (a database from before it existed, whose
// values are not sealed yet).
void index_stored_escrows(SQLite::Database& db);

} // namespace cocbot::storage
