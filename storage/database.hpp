// File: storage/database.hpp
// The one SQLite connection: opened with a private file mode and the PRAGMAs cocbot relies on,
// and migrated to this binary's schema before anything else uses it.
#pragma once

#include "core/time.hpp"
#include "storage/sealing.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::storage {

// A shared flock on a database file, held from before SQLite opens it until after it closes.
class FileLock {
public:
    explicit FileLock(const std::string& path); // nothing for ":memory:"
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    // Converts it to an exclusive lock; false when another process holds one too.
    bool make_exclusive();

private:
    int fd_ = -1;
};

// One connection, owned by one thread (SQLite connections must not be shared concurrently).
// Statements and repositories built on it must be destroyed before it. Their statements are
// reset with tryReset(): SQLiteCpp's reset() throws the error of the last failed step again (a
// busy one, say), which was reported when it happened and would fail the next use for nothing.
//
// Statements are prepared once per connection and kept (prepared()), so a repository built for
// one command costs a lookup, not a compilation of its SQL. Every user resets a statement before
// it binds and after it reads, so that a cached statement never holds a read open between uses.
class Database {
public:
    // ":memory:" gives a private in-memory database. A new file is created with mode 0600: it
    // holds reports; an existing one that group or others may use is refused. Throws
    // (SQLite::Exception, std::system_error, std::runtime_error) when the file cannot be opened,
    // configured or migrated.
    // With `key`, what says anything about a report is sealed with it: a database written in
    // plain text is sealed at once (one transaction), and one sealed under another key, or
    // sealed with no key given, is refused before anything else is read or written. Without a
    // key (tests, the benchmark), values are stored as they are.
    explicit Database(const std::string& path, std::optional<KeySource> key = std::nullopt);

    SQLite::Database& sql() { return sql_; }
    // What seals the values of reports; null when the database was opened without a key.
    const Sealer* sealer() const { return sealer_ ? &*sealer_ : nullptr; }
    // The key file was made by this start: it must be backed up, apart from the database.
    bool key_created() const { return key_created_; }
    // This start finished a `cocbot rekey` that stopped before putting its new key in place.
    bool rekey_finished() const { return rekey_finished_; }

    // Every process that opens the file holds a shared lock on it for as long (flock), so that
    // `cocbot rekey` can tell that it has the file to itself. True when this connection now holds
    // it alone (always for ":memory:").
    bool lock_exclusively();
    // Seals everything again under `key`, in one transaction with its audit entry, and uses it
    // from then on. Only after lock_exclusively(): another process would go on sealing with the
    // old key. Returns how many values were written.
    std::size_t rekey(const DataKey& key, core::Time now);

    // The statement for `sql`, prepared on first use and reset; it lives as long as the
    // connection. Throws SQLite::Exception for SQL that does not prepare (nothing is cached).
    // Only from the thread that owns the connection's repositories (the app thread).
    SQLite::Statement& prepared(std::string_view sql);
    // How many statements are cached: each distinct SQL text once.
    std::size_t prepared_count() const { return statements_.size(); }

    // True when the database answers a query that reads the file; never throws.
    bool healthy() noexcept;
    // Copies the write-ahead log into the file and truncates it, so that erased values do not
    // linger in old log frames. False when it could not finish (a reader was in the way, or a
    // shared transaction is open): it is tried again next time.
    bool checkpoint() noexcept;

    // Group commit. Off (the default), every WriteScope is its own transaction, on disk when it
    // commits. On, write scopes nest as savepoints in one open transaction that flush()
    // commits, so writes that arrive together share one fsync; `on_opened` runs each time that
    // transaction begins, for the caller to arrange the flush. Statements run outside a write
    // scope join the open transaction too.
    void group_commits(std::function<void()> on_opened);
    bool grouping() const { return static_cast<bool>(on_opened_); }
    // Begins the shared transaction unless it is open. Only for WriteScope.
    void open_group();
    // Writes are waiting for flush(): not on disk yet.
    bool unflushed();
    // Commits the shared transaction, if open. On failure rolls it back, all of it, and throws;
    // also when SQLite already rolled it back by itself (a full disk), so that no write in it is
    // reported as kept.
    void flush();

private:
    void unlock(const KeySource& key);
    void finish_rekey(const KeySource& key);

    std::string path_;
    FileLock lock_;
    SQLite::Database sql_;
    std::optional<Sealer> sealer_;
    bool key_created_ = false;
    bool rekey_finished_ = false;
    bool exclusive_ = false;
    std::function<void()> on_opened_;
    bool group_open_ = false; // a shared transaction began and was not flushed yet
    // Declared after sql_, so destroyed before it. Keyed by the SQL text itself.
    std::map<std::string, std::unique_ptr<SQLite::Statement>, std::less<>> statements_;
};

// Times are stored as unix seconds.
using core::from_unix_seconds;
using core::unix_seconds;

// Creates `path` empty with mode 0600 before SQLite opens it, so that it never exists with the
// umask's wider mode even for a moment (SQLite gives its -wal and -shm files the database file's
// mode). False, and nothing changed, when it exists already. Throws std::system_error.
bool create_private_file(const std::string& path);

// The database's files (itself, -wal, -shm) that exist with any permission for group or others.
std::vector<std::string> exposed_files(const std::string& path);

// True when `failure` is SQLite saying another connection holds the lock it needed.
bool is_busy(const std::exception& failure);

// A failure's class for a log line: SQLite's fixed text for its code, or the exception's type.
// Never the exception's message, which may quote stored values.
std::string error_class(const std::exception& failure);

// Runs a statement that writes and returns the rows it changed. A step that failed (busy) leaves
// the statement in progress, and SQLite then refuses every later savepoint and commit on the
// connection ("SQL statements in progress"): it is reset before the failure goes on.
int execute(SQLite::Statement& write);

// The one time an aggregate query (MIN, MAX) yields; nullopt for its NULL on an empty table.
std::optional<core::Time> aggregate_time(SQLite::Statement& aggregate);

} // namespace cocbot::storage
