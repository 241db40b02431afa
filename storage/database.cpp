// File: storage/database.cpp
#include "storage/database.hpp"

#include "storage/audit_log.hpp"
#include "storage/migrations.hpp"
#include "storage/reseal.hpp"

#include <SQLiteCpp/Exception.h>
#include <boost/core/demangle.hpp>
#include <cerrno>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdexcept>
#include <sys/file.h>
#include <sys/stat.h>
#include <system_error>
#include <typeinfo>
#include <unistd.h>

namespace cocbot::storage {

namespace {

// Short: when another process (a sqlite3 shell, a backup) holds the write lock, a request fails
// fast with "busy" and Slack retries, instead of everything behind it stalling for seconds.
constexpr int busy_timeout_ms = 250;
constexpr mode_t private_file_mode = 0600;

bool is_in_memory(const std::string& path) {
    return path == ":memory:" || path.empty();
}

} // namespace

bool create_private_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, private_file_mode);
    if (fd < 0) {
        if (errno == EEXIST)
            return false; // an existing database keeps the mode its operator gave it
        throw std::system_error(errno, std::generic_category(),
                                "cannot create database file " + path);
    }
    // The umask may have removed bits from 0600; make it exactly owner read and write.
    const int chmod_result = ::fchmod(fd, private_file_mode);
    const int chmod_errno = errno;
    ::close(fd);
    if (chmod_result != 0)
        throw std::system_error(chmod_errno, std::generic_category(),
                                "cannot set the mode of database file " + path);
    return true;
}

namespace {

// A database holds reports: one that others could read (a copy made with cp, an operator's
// umask) is refused rather than served from, with the command that mends it.
void refuse_exposed(const std::string& path) {
    const auto exposed = exposed_files(path);
    if (exposed.empty())
        return;
    std::string files;
    for (const auto& file : exposed)
        files += " " + file;
    throw std::runtime_error("others may read or write" + files +
                             ", which hold reports: run chmod 600" + files + " and start again");
}

SQLite::Database open(const std::string& path) {
    if (!is_in_memory(path)) {
        create_private_file(path);
        refuse_exposed(path);
    }
    return SQLite::Database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, busy_timeout_ms);
}

void configure(SQLite::Database& db, const std::string& path) {
    db.exec("PRAGMA foreign_keys = ON");
    // FULL: a report Slack saw acknowledged survives a power cut, not only a crash.
    db.exec("PRAGMA synchronous = FULL");
    // What is deleted is overwritten with zeros, so that erased text does not stay in free pages.
    db.exec("PRAGMA secure_delete = ON");
    if (is_in_memory(path))
        return;
    const std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
    if (mode != "wal")
        throw std::runtime_error("cannot use write-ahead logging for database file " + path +
                                 " (journal mode is " + mode + ")");
}

} // namespace

std::vector<std::string> exposed_files(const std::string& path) {
    std::vector<std::string> exposed;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const std::string file = path + suffix;
        struct stat status {};
        if (::stat(file.c_str(), &status) == 0 && (status.st_mode & 077) != 0)
            exposed.push_back(file);
    }
    return exposed;
}

FileLock::FileLock(const std::string& path) {
    if (is_in_memory(path))
        return;
    create_private_file(path);
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0)
        throw std::system_error(errno, std::generic_category(), "cannot open " + path);
    if (::flock(fd_, LOCK_SH | LOCK_NB) != 0) {
        ::close(fd_);
        throw std::runtime_error("cocbot rekey is sealing " + path +
                                 " under a new key: start again once it has finished");
    }
}

FileLock::~FileLock() {
    if (fd_ >= 0)
        ::close(fd_);
}

bool FileLock::make_exclusive() {
    return fd_ < 0 || ::flock(fd_, LOCK_EX | LOCK_NB) == 0;
}

Database::Database(const std::string& path, std::optional<KeySource> key)
    : path_(path), lock_(path), sql_(open(path)) {
    configure(sql_, path);
    migrate(sql_);
    if (key) {
        unlock(*key);
        return;
    }
    if (is_sealed(sql_))
        throw std::runtime_error(path + " is sealed: it opens only with its key");
    if (stored_layout(sql_) < sealed_layout)
        reseal(sql_, nullptr, nullptr);
}

void Database::unlock(const KeySource& key) {
    const bool sealed = is_sealed(sql_);
    sealer_.emplace(obtain_key(key, sealed, key_created_));
    if (sealed) {
        finish_rekey(key);
        check_key(sql_, *sealer_, path_);
        if (stored_layout(sql_) >= sealed_layout)
            return;
    }
    reseal(sql_, sealed ? &*sealer_ : nullptr, &*sealer_);
    // The plain text they replace goes from the file and the log at once (secure_delete zeroes
    // it once a checkpoint has written the new pages over the old).
    checkpoint();
}

// `cocbot rekey` writes the new key beside the key file, seals the database under it in one
// transaction, then puts it in place of the old. A rekey that stopped before its commit left a
// key that opens nothing, which goes; one that stopped after it left the only key that opens
// the database, which is put in place now.
void Database::finish_rekey(const KeySource& key) {
    const auto file = pending_key_file(key);
    if (key.base64 || ::access(file.c_str(), F_OK) != 0)
        return;
    if (opens(sql_, *sealer_)) {
        ::unlink(file.c_str()); // whatever it holds, even half a key: it never took
        return;
    }
    const auto pending = pending_key(key);
    if (!pending)
        return;
    Sealer next{*pending};
    if (!opens(sql_, next))
        return;
    replace_key_file(pending_key_file(key), key.key_file);
    sealer_.emplace(next);
    rekey_finished_ = true;
}

bool Database::lock_exclusively() {
    exclusive_ = exclusive_ || lock_.make_exclusive();
    return exclusive_;
}

std::size_t Database::rekey(const DataKey& key, core::Time now) {
    if (!sealer_ || !exclusive_)
        throw std::logic_error("rekey needs a sealed database held exclusively");
    Sealer next{key};
    const auto written = reseal(sql_, &*sealer_, &next,
                                [&] { AuditLog{*this}.append(now, "operator", "key_changed"); });
    sealer_.emplace(next);
    checkpoint(); // the values sealed under the old key go from the log
    return written;
}

SQLite::Statement& Database::prepared(std::string_view sql) {
    auto found = statements_.find(sql);
    if (found == statements_.end()) {
        auto statement = std::make_unique<SQLite::Statement>(sql_, std::string{sql});
        found = statements_.emplace(std::string{sql}, std::move(statement)).first;
    }
    found->second->tryReset();
    return *found->second;
}

bool Database::healthy() noexcept {
    try {
        // Reading the schema touches the file's first page, unlike a bare SELECT 1. Not through
        // prepared(): the probe must not depend on the cache it is there to vouch for.
        sql_.execAndGet("SELECT count(*) FROM sqlite_master");
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

bool Database::checkpoint() noexcept {
    if (group_open_)
        return false; // the shared transaction's writes are not even in the log yet
    int log_frames = 0, copied = 0;
    return ::sqlite3_wal_checkpoint_v2(sql_.getHandle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE,
                                       &log_frames, &copied) == SQLITE_OK;
}

void Database::group_commits(std::function<void()> on_opened) {
    on_opened_ = std::move(on_opened);
}

void Database::open_group() {
    const bool in_transaction = ::sqlite3_get_autocommit(sql_.getHandle()) == 0;
    if (group_open_) {
        // SQLite rolls a transaction back by itself on some errors (a full disk, an I/O error):
        // the writes already in it are lost, and must not be mixed into a new one.
        if (!in_transaction)
            throw std::runtime_error("the shared transaction was rolled back before its commit");
        return;
    }
    sql_.exec("BEGIN IMMEDIATE");
    group_open_ = true;
    on_opened_();
}

bool Database::unflushed() {
    return group_open_;
}

void Database::flush() {
    if (!group_open_)
        return;
    group_open_ = false;
    if (::sqlite3_get_autocommit(sql_.getHandle()) != 0)
        throw std::runtime_error("the shared transaction was rolled back before its commit");
    try {
        sql_.exec("COMMIT");
    } catch (...) {
        // A failed COMMIT may leave the transaction open (a deferred constraint, a full disk):
        // what it held was never acknowledged, so it goes, and the next write starts afresh.
        if (::sqlite3_get_autocommit(sql_.getHandle()) == 0)
            sql_.tryExec("ROLLBACK");
        throw;
    }
}

bool is_busy(const std::exception& failure) {
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&failure);
    if (sqlite == nullptr)
        return false;
    const int primary = sqlite->getErrorCode() & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

std::string error_class(const std::exception& failure) {
    // SQLite's message for a code is fixed text ("database is locked"); the exception's own
    // what() may quote SQL or values, so it is never used.
    if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&failure))
        return std::string{"sqlite: "} + ::sqlite3_errstr(sqlite->getExtendedErrorCode());
    return boost::core::demangle(typeid(failure).name());
}

int execute(SQLite::Statement& write) {
    try {
        return write.exec();
    } catch (...) {
        write.tryReset();
        throw;
    }
}

std::optional<core::Time> aggregate_time(SQLite::Statement& aggregate) {
    aggregate.tryReset();
    aggregate.executeStep(); // an aggregate always yields one row, NULL when empty
    const SQLite::Column value = aggregate.getColumn(0);
    std::optional<core::Time> result;
    if (!value.isNull())
        result = from_unix_seconds(value.getInt64());
    aggregate.tryReset();
    return result;
}

} // namespace cocbot::storage
