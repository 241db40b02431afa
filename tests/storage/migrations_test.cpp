// File: tests/storage/migrations_test.cpp
// The schema and the database file: migrations, PRAGMAs, file mode, persistence.
#include "storage/database.hpp"
#include "storage/event_store.hpp"
#include "storage/jobs.hpp"
#include "storage/migrations.hpp"
#include "storage/outbox.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/codec_samples.hpp"
#include "tests/storage/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <sys/stat.h>

namespace {

using namespace cocbot;
using storage::testing::full_report;
using storage::testing::t0;
namespace fs = std::filesystem;

using storage::testing::TempDir;

SQLite::Database raw_memory_db() {
    return SQLite::Database(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
}

mode_t permissions_of(const std::string& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

} // namespace

TEST_SUITE("storage migrations") {

    TEST_CASE("a new database migrates from version 0 to the latest") {
        auto db = raw_memory_db();
        REQUIRE(storage::schema_version(db) == 0);

        storage::migrate(db);

        CHECK(storage::schema_version(db) == storage::latest_schema_version());
        for (const char* table : {"incidents", "events", "event_secrets", "outbox", "seen_events",
                                  "jobs", "submissions"})
            CHECK_MESSAGE(db.tableExists(table), table);
    }

    TEST_CASE("a version 2 database gains the submissions table and keeps its data") {
        TempDir dir;
        const std::string path = dir.private_file("cocbot.db");
        {
            SQLite::Database v2(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            storage::migrate_to(v2, 2);
            REQUIRE(storage::schema_version(v2) == 2);
            REQUIRE_FALSE(v2.tableExists("submissions"));
            v2.exec("INSERT INTO incidents (id, year, number, filed_at) "
                    "VALUES ('2026-001', 2026, 1, 1773446400)");
            v2.exec("INSERT INTO jobs (incident_id, due_at) VALUES ('2026-001', 1773450000)");
        }

        storage::Database db(path); // migrates on opening

        CHECK(storage::schema_version(db.sql()) == storage::latest_schema_version());
        CHECK(storage::Jobs(db).due_at(core::IncidentId{"2026-001"}) ==
              storage::from_unix_seconds(1773450000));
        storage::UnitOfWork work(db);
        CHECK_FALSE(work.filed_by("V0001", "hash-1").has_value());
        work.record_submission("V0001", "hash-1", core::IncidentId{"2026-001"}, t0);
        CHECK(work.filed_by("V0001", "hash-1") == core::IncidentId{"2026-001"});
    }

    TEST_CASE("a version 1 database gains the jobs table and keeps its data") {
        TempDir dir;
        const std::string path = dir.private_file("cocbot.db");
        {
            SQLite::Database v1(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            storage::migrate_to(v1, 1);
            REQUIRE(storage::schema_version(v1) == 1);
            REQUIRE_FALSE(v1.tableExists("jobs"));
            v1.exec("INSERT INTO incidents (id, year, number, filed_at) "
                    "VALUES ('2026-001', 2026, 1, 1773446400)");
            v1.exec("INSERT INTO events (incident_id, type, at, data) "
                    "VALUES ('2026-001', 'report_filed', 1773446400, '{}')");
            v1.exec("INSERT INTO outbox (incident_id, type, payload, created_at, not_before) "
                    "VALUES ('2026-001', 'post', '{}', 1773446400, 1773446400)");
            v1.exec("INSERT INTO seen_events (event_id, seen_at) VALUES ('Ev1', 1773446400)");
        }

        storage::Database db(path); // migrates on opening
        auto& sql = db.sql();

        CHECK(storage::schema_version(sql) == storage::latest_schema_version());
        CHECK(sql.tableExists("jobs"));
        for (const char* table : {"incidents", "events", "outbox", "seen_events"})
            CHECK_MESSAGE(
                sql.execAndGet(std::string{"SELECT count(*) FROM "} + table).getInt() == 1, table);
        CHECK(storage::EventStore(db).all_incidents() ==
              std::vector<core::IncidentId>{core::IncidentId{"2026-001"}});
        CHECK(sql.execAndGet("SELECT count(*) FROM jobs").getInt() == 0);
        {
            storage::UnitOfWork work(db);
            work.schedule(core::IncidentId{"2026-001"}, t0);
            work.commit();
        }
        CHECK(storage::Jobs(db).due_at(core::IncidentId{"2026-001"}) == t0);
    }

    TEST_CASE("migrating to a version the database has passed changes nothing") {
        auto db = raw_memory_db();
        storage::migrate(db);
        const int changes_before = db.getTotalChanges();

        storage::migrate_to(db, 1);

        CHECK(db.getTotalChanges() == changes_before);
        CHECK(storage::schema_version(db) == storage::latest_schema_version());
        CHECK_THROWS_AS(storage::migrate_to(db, storage::latest_schema_version() + 1),
                        std::invalid_argument);
        CHECK_THROWS_AS(storage::migrate_to(db, -1), std::invalid_argument);
    }

    TEST_CASE("migrating an up-to-date database changes nothing") {
        auto db = raw_memory_db();
        storage::migrate(db);
        db.exec("INSERT INTO seen_events (event_id, seen_at) VALUES ('Ev1', 1)");
        const int changes_before = db.getTotalChanges();

        storage::migrate(db);

        CHECK(db.getTotalChanges() == changes_before);
        CHECK(storage::schema_version(db) == storage::latest_schema_version());
        CHECK(db.execAndGet("SELECT count(*) FROM seen_events").getInt() == 1);
    }

    TEST_CASE("a database written by a newer cocbot is refused and left untouched") {
        auto db = raw_memory_db();
        const int newer = storage::latest_schema_version() + 1;
        db.exec("PRAGMA user_version = " + std::to_string(newer));

        CHECK_THROWS_WITH_AS(storage::migrate(db), doctest::Contains("newer than this cocbot"),
                             std::runtime_error);
        CHECK(storage::schema_version(db) == newer);
        CHECK_FALSE(db.tableExists("incidents"));
    }

} // TEST_SUITE

TEST_SUITE("storage database") {

    TEST_CASE("an in-memory database is migrated and configured") {
        storage::Database db(":memory:");
        auto& sql = db.sql();

        CHECK(storage::schema_version(sql) == storage::latest_schema_version());
        CHECK(sql.execAndGet("PRAGMA foreign_keys").getInt() == 1);
        CHECK(sql.execAndGet("PRAGMA synchronous").getInt() == 2); // FULL
        CHECK(sql.execAndGet("PRAGMA busy_timeout").getInt() ==
              250); // a locked database answers "busy" fast
        CHECK(db.healthy());
    }

    TEST_CASE("a database file is private and written ahead") {
        TempDir dir;
        const std::string path = dir.file("cocbot.db");
        storage::Database db(path);
        {
            storage::UnitOfWork work(db);
            work.mark_seen("Ev1", t0);
            work.commit();
        }

        CHECK(db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
        CHECK(permissions_of(path) == 0600);
        // SQLite gives its write-ahead log the database file's mode.
        REQUIRE(fs::exists(path + "-wal"));
        CHECK((permissions_of(path + "-wal") & 0077) == 0);
        CHECK(db.healthy());
    }

    TEST_CASE("a database file that cannot be created is reported with its path") {
        TempDir dir;
        const std::string path = dir.file("missing-directory/cocbot.db");

        CHECK_THROWS_WITH_AS(storage::Database{path}, doctest::Contains(path.c_str()),
                             std::system_error);
    }

    TEST_CASE("data survives closing and reopening the file") {
        TempDir dir;
        const std::string path = dir.file("cocbot.db");
        const core::IncidentId id{"2026-001"};
        const std::vector<core::Event> events{
            full_report(id), core::ConflictDeclared{core::UserId{"U0MEMBER1"}, false, t0}};
        const std::vector<core::Effect> effects{core::Ephemeral{
            core::ChannelId{"C0COMMITTEE"}, core::UserId{"U0MEMBER1"}, core::Notice{"Thanks"}}};
        {
            storage::Database db(path);
            storage::UnitOfWork work(db);
            work.create_incident(id, 2026, work.allocate_incident_number(2026), t0);
            work.append(id, events, t0);
            work.enqueue(id, effects, t0);
            work.commit();
        }

        storage::Database reopened(path);
        storage::EventStore store(reopened);
        storage::Outbox outbox(reopened);
        CHECK(store.all_incidents() == std::vector<core::IncidentId>{id});
        CHECK(store.events(id) == events);
        const auto due = outbox.next_due(t0);
        REQUIRE(due.has_value());
        CHECK(std::vector<core::Effect>{due->effect} == effects);
    }

    TEST_CASE("opening a database file written by a newer cocbot fails") {
        TempDir dir;
        const std::string path = dir.private_file("cocbot.db");
        {
            SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            raw.exec("PRAGMA user_version = " +
                     std::to_string(storage::latest_schema_version() + 1));
        }

        CHECK_THROWS_AS(storage::Database{path}, std::runtime_error);
    }

} // TEST_SUITE
