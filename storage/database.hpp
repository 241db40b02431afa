// File: storage/database.hpp
// The one SQLite connection: opened with a private file mode and the PRAGMAs cocbot relies on,
// and migrated to this binary's schema before anything else uses it.
#pragma once

#include "core/time.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>

namespace cocbot::storage {

// One connection, owned by one thread (SQLite connections must not be shared concurrently).
// Statements and repositories built on it must be destroyed before it. Their statements are
// reset with tryReset(): SQLiteCpp's reset() throws the error of the last failed step again (a
// busy one, say), which was reported when it happened and would fail the next use for nothing.
class Database {
public:
    // ":memory:" gives a private in-memory database. A new file is created with mode 0600: it
    // holds reports. Throws (SQLite::Exception, std::system_error, std::runtime_error) when the
    // file cannot be opened, configured or migrated.
    explicit Database(const std::string& path);

    SQLite::Database& sql() { return sql_; }

    // True when the database answers a query that reads the file; never throws.
    bool healthy() noexcept;

private:
    SQLite::Database sql_;
};

// Times are stored as unix seconds.
inline std::int64_t unix_seconds(core::Time time) {
    return time.time_since_epoch().count();
}
inline core::Time from_unix_seconds(std::int64_t seconds) {
    return core::Time{core::Duration{seconds}};
}

// True when `failure` is SQLite saying another connection holds the lock it needed.
bool is_busy(const std::exception& failure);

// A failure's class for a log line: SQLite's fixed text for its code, or the exception's type.
// Never the exception's message, which may quote stored values.
std::string error_class(const std::exception& failure);

// The one time an aggregate query (MIN, MAX) yields; nullopt for its NULL on an empty table.
std::optional<core::Time> aggregate_time(SQLite::Statement& aggregate);

} // namespace cocbot::storage
