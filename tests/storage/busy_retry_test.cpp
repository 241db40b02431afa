// File: tests/storage/busy_retry_test.cpp
// Another process (a sqlite3 shell, a backup) holding the write lock makes cocbot's writes fail
// fast as busy; once it lets go, the same statements work again at once, without the stale
// "database is locked" SQLiteCpp's reset() would throw.
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

} // namespace

TEST_SUITE("storage busy database: retries") {

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

} // TEST_SUITE
