// File: storage/sealing.hpp
// The database's key: where it comes from (COCBOT_DATA_KEY, or a key file made on first start),
// the check that it is this database's key, and where a new key waits during `cocbot rekey`.
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

// What the key check seals, and the row it is bound to.
inline constexpr std::string_view key_check_text = "cocbot key check";
inline constexpr std::string_view key_check_row = "seal_check/1";

// Whether `sealer` opens the database's key check.
bool opens(SQLite::Database& db, const Sealer& sealer);
// Throws, having changed nothing, when `sealer` does not open the database's key check.
void check_key(SQLite::Database& db, const Sealer& sealer, const std::string& path);

// Where `cocbot rekey` keeps the new key until the database is sealed under it: beside the key
// file, with ".new" added. Only for a key file (COCBOT_DATA_KEY is the operator's to change).
std::string pending_key_file(const KeySource& source);
// The key in the pending key file, if there is one and it holds a key.
std::optional<DataKey> pending_key(const KeySource& source);
// Writes `key` to a new file at `path`, mode 0600 from the start, synced; throws if it exists.
void write_key_file(const std::string& path, const DataKey& key);
// Renames `pending` over `key_file` and syncs their folder, so that the rename survives a crash.
void replace_key_file(const std::string& pending, const std::string& key_file);

// What a sealed secret of event `seq` in `incident` is bound to.
std::string secret_row(std::string_view incident, std::int64_t seq);
// What the sealed payload of outbox effect `id` is bound to.
std::string outbox_row(std::int64_t id);

} // namespace cocbot::storage
