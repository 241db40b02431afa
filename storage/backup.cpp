// File: storage/backup.cpp
#include "storage/backup.hpp"

#include "storage/database.hpp"
#include "storage/migrations.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <chrono>
#include <filesystem>
#include <sqlite3.h>
#include <stdexcept>
#include <thread>

namespace cocbot::storage {

namespace {

namespace fs = std::filesystem;

constexpr int busy_ms = 5000;

// A copy is sound when SQLite finds nothing wrong in it and it is a cocbot database this binary
// can use; what it holds, or why it is not.
CopyFacts checked(SQLite::Database& db, const std::string& name) {
    if (!db.tableExists("incidents"))
        throw std::runtime_error(name + " is not a cocbot database");
    const auto integrity = db.execAndGet("PRAGMA integrity_check").getString();
    if (integrity != "ok")
        throw std::runtime_error(name + " is damaged (SQLite's integrity check: " + integrity +
                                 ")");
    CopyFacts facts;
    facts.schema = schema_version(db);
    if (facts.schema > latest_schema_version())
        throw std::runtime_error(name + " was written by a newer cocbot (schema " +
                                 std::to_string(facts.schema) + "): use that version");
    facts.incidents = db.execAndGet("SELECT count(*) FROM incidents").getInt64();
    return facts;
}

// Every page in one step, so that the copy is one snapshot: in WAL mode that read holds back no
// writer, whereas a copy in steps starts again each time cocbot writes. Busy retries are bounded.
void copy_pages(SQLite::Database& from, SQLite::Database& to) {
    SQLite::Backup copy{to, from};
    for (int attempt = 0; attempt < 500; ++attempt) {
        const int step = copy.executeStep(-1);
        if (step == SQLITE_DONE)
            return;
        if (step == SQLITE_BUSY || step == SQLITE_LOCKED)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    throw std::runtime_error("the database stayed busy: try again");
}

// A new private file at `to`, filled from `from`; removed again if anything fails.
CopyFacts copy_into_new(SQLite::Database& from, const std::string& to, bool self_contained) {
    if (!create_private_file(to))
        throw std::runtime_error(to + " exists already: choose another name, or move it aside");
    try {
        CopyFacts facts;
        {
            SQLite::Database target{to, SQLite::OPEN_READWRITE, busy_ms};
            copy_pages(from, target);
            if (self_contained) {
                // One file, without a write-ahead log beside it; rebuilt, so that free pages
                // (which a database made before secure_delete may hold) are not in the copy.
                target.exec("PRAGMA journal_mode = DELETE");
                target.exec("VACUUM");
            }
            facts = checked(target, to);
        }
        return facts;
    } catch (...) {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            fs::remove(to + suffix, ignored);
        throw;
    }
}

} // namespace

CopyFacts backup(const std::string& database, const std::string& copy) {
    if (!fs::exists(database))
        throw std::runtime_error("there is no database at " + database + " (storage.path)");
    SQLite::Database source{database, SQLite::OPEN_READWRITE, busy_ms}; // only read
    return copy_into_new(source, copy, true);
}

CopyFacts restore(const std::string& copy, const std::string& database, const KeySource& key) {
    for (const char* suffix : {"", "-wal", "-shm"})
        if (fs::exists(database + suffix))
            throw std::runtime_error(database + suffix +
                                     " exists: stop cocbot and move the database and its -wal "
                                     "and -shm files aside first");
    if (!fs::exists(copy))
        throw std::runtime_error("there is no file " + copy);
    SQLite::Database source{copy, SQLite::OPEN_READONLY, busy_ms};
    checked(source, copy); // before anything is written
    if (source.tableExists("seal_check") && is_sealed(source)) {
        bool created = false;
        check_key(source, Sealer{obtain_key(key, true, created)}, copy);
    }
    return copy_into_new(source, database, false);
}

} // namespace cocbot::storage
