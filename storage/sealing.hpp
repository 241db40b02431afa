// File: storage/sealing.hpp
// The database's key and what it seals: where the key comes from (COCBOT_DATA_KEY, or a key
// file made on first start), the check that it is this database's key, and sealing the values
// a database written before sealing still holds in plain text, in one transaction.
#pragma once

#include "storage/sealer.hpp"

#include <SQLiteCpp/Database.h>
#include <optional>
#include <string>

namespace cocbot::storage {

// Where the key is: the base64 text of COCBOT_DATA_KEY when it is set, else a key file.
struct KeySource {
    std::optional<std::string> base64;
    std::string key_file;
};

// Whether the database was sealed before (its key check is there).
bool is_sealed(SQLite::Database& db);

// The key, read from `source`. A key file that does not exist is made (mode 0600, a random key)
// only for a database not sealed yet; `created` says so, for the log line that asks for it to be
// backed up. Throws std::runtime_error saying what to fix, having changed nothing.
DataKey obtain_key(const KeySource& source, bool sealed_already, bool& created);

// Throws, having changed nothing, when `sealer` does not open the database's key check.
void check_key(SQLite::Database& db, const Sealer& sealer, const std::string& path);

// Seals every value written in plain text, and writes the key check: all in one transaction.
void seal_plain_values(SQLite::Database& db, const Sealer& sealer);

// What a sealed secret of event `seq` in `incident` is bound to.
std::string secret_row(std::string_view incident, std::int64_t seq);

} // namespace cocbot::storage
