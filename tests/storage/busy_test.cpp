// File: tests/storage/busy_test.cpp
// Another process (a sqlite3 shell, a backup) holding the write lock: cocbot's writes fail fast
// as "busy", so that Slack retries, and a failure is logged by its class, never its message.
#include "storage/database.hpp"
#include "storage/jobs.hpp"
#include "storage/outbox.hpp"
#include "storage/seen_events.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <chrono>
#include <cstdint>
#include <doctest/doctest.h>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace cocbot;
using namespace std::chrono_literals;

using storage::testing::TempDir;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14

// A second connection to the same file that takes the write lock, as `sqlite3 cocbot.db` with
// BEGIN IMMEDIATE would, until it is released.
class WriteLock {
public:
    explicit WriteLock(const std::string& path) : sql_(path, SQLite::OPEN_READWRITE) {
        sql_.exec("BEGIN IMMEDIATE");
    }
    ~WriteLock() {
        if (held_)
            sql_.exec("ROLLBACK");
    }
    WriteLock(const WriteLock&) = delete;
    WriteLock& operator=(const WriteLock&) = delete;

    void release() {
        sql_.exec("ROLLBACK");
        held_ = false;
    }

private:
    SQLite::Database sql_;
    bool held_ = true;
};

// What a failed write threw, as the caller would see it.
struct Failure {
    bool busy = false;
    std::string error_class;
    std::string message;
};

template <typename Write>
std::optional<Failure> failure_of(Write write) {
    try {
        write();
    } catch (const std::exception& e) {
        return Failure{storage::is_busy(e), storage::error_class(e), e.what()};
    }
    return std::nullopt;
}

void mark_seen(storage::Database& db, const std::string& event_id) {
    storage::UnitOfWork work(db);
    work.mark_seen(event_id, t0);
    work.commit();
}

} // namespace

TEST_SUITE("storage busy database") {

    TEST_CASE("a command while another connection holds the write lock fails fast as busy") {
        TempDir dir;
        const std::string path = dir.file("cocbot.db");
        storage::Database db(path);
        WriteLock lock(path);

        const auto started = std::chrono::steady_clock::now();
        const auto failure = failure_of([&] { mark_seen(db, "Ev0001"); });
        const auto waited = std::chrono::steady_clock::now() - started;

        REQUIRE(failure.has_value());
        CHECK(failure->busy);
        CHECK(failure->error_class == "sqlite: database is locked");
        CHECK(waited < 1500ms);

        SUBCASE("and succeeds once the lock is released") {
            lock.release();
            mark_seen(db, "Ev0001");
            CHECK(storage::SeenEvents(db).seen("Ev0001"));
        }
        SUBCASE("and leaves nothing behind") {
            lock.release();
            CHECK_FALSE(storage::SeenEvents(db).seen("Ev0001"));
        }
    }

    TEST_CASE("a single-statement write while another connection holds the lock is busy too") {
        TempDir dir;
        const std::string path = dir.file("cocbot.db");
        storage::Database db(path);
        std::vector<std::int64_t> ids;
        {
            storage::UnitOfWork work(db);
            ids = work.enqueue(std::nullopt,
                               {core::Ephemeral{core::ChannelId{"C0"}, core::UserId{"U0"},
                                                core::Notice{"Thanks"}}},
                               t0);
            work.commit();
        }
        storage::Outbox outbox(db);
        WriteLock lock(path);

        const auto failure = failure_of([&] { outbox.mark_done(ids[0], "{}"); });

        REQUIRE(failure.has_value());
        CHECK(failure->busy);
        lock.release();
        CHECK(outbox.count("pending") == 1); // the write did not happen
        CHECK(outbox.count("done") == 0);
    }

    TEST_CASE("a locked database can still be read") {
        TempDir dir;
        const std::string path = dir.file("cocbot.db");
        storage::Database db(path);
        mark_seen(db, "Ev0001");
        WriteLock lock(path);

        CHECK(db.healthy());
        CHECK(storage::SeenEvents(db).seen("Ev0001"));
    }

    TEST_CASE("a constraint failure is not busy, and its class leaves out what it quoted") {
        storage::Database db(":memory:");
        const core::IncidentId id{"2026-001"};
        storage::UnitOfWork work(db);
        work.create_incident(id, 2026, 1, t0);

        const auto failure = failure_of([&] { work.create_incident(id, 2026, 2, t0); });

        REQUIRE(failure.has_value());
        CHECK_FALSE(failure->busy);
        CHECK(failure->error_class == "sqlite: constraint failed");
        // SQLite's own message names the table; the class does not.
        CHECK(failure->message.find("incidents") != std::string::npos);
        CHECK(failure->error_class.find("incidents") == std::string::npos);
    }

    TEST_CASE("any other failure is not busy, and is classed by its type alone") {
        const std::runtime_error plain("database is locked: Room 3, Tuesday night");
        const std::invalid_argument argument("Room 3, Tuesday night");
        const storage::UndecodableEffect undecodable(7, "Room 3, Tuesday night");

        CHECK_FALSE(storage::is_busy(plain)); // whatever its message says
        CHECK_FALSE(storage::is_busy(undecodable));
        CHECK(storage::error_class(plain) == "std::runtime_error");
        CHECK(storage::error_class(argument) == "std::invalid_argument");
        CHECK(storage::error_class(undecodable) == "cocbot::storage::UndecodableEffect");
    }

    TEST_CASE("a write that was busy succeeds when retried once the lock is released") {
        TempDir dir;
        const std::string path = dir.file("cocbot.db");
        storage::Database db(path);
        const core::IncidentId id{"2026-001"};
        std::vector<std::int64_t> ids;
        {
            storage::UnitOfWork work(db);
            work.create_incident(id, 2026, 1, t0);
            work.schedule(id, t0 + 1h);
            ids = work.enqueue(std::nullopt,
                               {core::Ephemeral{core::ChannelId{"C0"}, core::UserId{"U0"},
                                                core::Notice{"Thanks"}}},
                               t0);
            work.mark_seen("Ev-old", t0 - 2h);
            work.commit();
        }
        storage::Outbox outbox(db);
        storage::Jobs jobs(db);
        storage::SeenEvents seen(db);
        {
            WriteLock lock(path);
            REQUIRE(failure_of([&] { outbox.mark_done(ids[0], "{}"); }).has_value());
            REQUIRE(failure_of([&] { jobs.postpone(id, t0 + 2h); }).has_value());
            REQUIRE(failure_of([&] { seen.prune_before(t0); }).has_value());
        }

        const auto done = failure_of([&] { outbox.mark_done(ids[0], "{}"); });
        CHECK_MESSAGE(!done.has_value(), "Outbox::mark_done: " << (done ? done->message : ""));
        const auto postponed = failure_of([&] { jobs.postpone(id, t0 + 2h); });
        CHECK_MESSAGE(!postponed.has_value(),
                      "Jobs::postpone: " << (postponed ? postponed->message : ""));
        const auto pruned = failure_of([&] { seen.prune_before(t0); });
        CHECK_MESSAGE(!pruned.has_value(),
                      "SeenEvents::prune_before: " << (pruned ? pruned->message : ""));
    }

    // SQLite keeps a failed step's statement in progress, and then refuses every savepoint and
    // commit on the connection: one busy write must not keep everything after it from disk.
    TEST_CASE("a single-statement write that was busy does not hold up the transactions after it") {
        TempDir dir;
        const std::string path = dir.file("cocbot.db");
        storage::Database db(path);
        const auto ids = [&] {
            storage::UnitOfWork work(db);
            auto queued = work.enqueue(std::nullopt,
                                       {core::Ephemeral{core::ChannelId{"C0"}, core::UserId{"U0"},
                                                        core::Notice{"Thanks"}}},
                                       t0);
            work.commit();
            return queued;
        }();
        storage::Outbox outbox(db);
        {
            WriteLock lock(path);
            REQUIRE(failure_of([&] { outbox.mark_done(ids[0], "{}"); }).has_value());
        }

        SUBCASE("alone") {
            const auto failure = failure_of([&] { mark_seen(db, "Ev0001"); });
            CHECK_MESSAGE(!failure.has_value(), (failure ? failure->message : ""));
        }
        SUBCASE("grouped") {
            db.group_commits([] {});
            const auto failure = failure_of([&] {
                mark_seen(db, "Ev0001");
                db.flush();
            });
            CHECK_MESSAGE(!failure.has_value(), (failure ? failure->message : ""));
            db.group_commits({});
        }
        CHECK(storage::SeenEvents(db).seen("Ev0001"));
    }

} // TEST_SUITE
