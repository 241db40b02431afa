// File: tests/storage/jobs_test.cpp
// When each incident's deadlines must next be checked: stored with the command, read by the
// scheduler.
#include "storage/database.hpp"
#include "storage/jobs.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/temp_dir.hpp"

#include <SQLiteCpp/Exception.h>
#include <chrono>
#include <doctest/doctest.h>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace cocbot;
using namespace std::chrono_literals;

using storage::testing::TempDir;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14
const core::IncidentId first{"2026-001"};
const core::IncidentId second{"2026-002"};
const core::IncidentId third{"2026-003"};

// Files the incidents, as intake would, so that jobs can refer to them.
void file(storage::Database& db, const std::vector<core::IncidentId>& ids) {
    storage::UnitOfWork work(db);
    for (const auto& id : ids)
        work.create_incident(id, 2026, work.allocate_incident_number(2026), t0);
    work.commit();
}

// One committed command that only reschedules `incident`.
void schedule(storage::Database& db, const core::IncidentId& incident,
              std::optional<core::Time> due_at) {
    storage::UnitOfWork work(db);
    work.schedule(incident, due_at);
    work.commit();
}

int job_rows(storage::Database& db) {
    return db.sql().execAndGet("SELECT count(*) FROM jobs").getInt();
}

} // namespace

TEST_SUITE("storage jobs") {

    TEST_CASE("with no jobs nothing is due and there is no next time") {
        storage::Database db(":memory:");
        file(db, {first});
        storage::Jobs jobs(db);

        CHECK(jobs.due(t0 + 1000h).empty());
        CHECK_FALSE(jobs.earliest().has_value());
        CHECK_FALSE(jobs.due_at(first).has_value());
    }

    TEST_CASE("scheduling keeps one row per incident: insert, update, delete") {
        storage::Database db(":memory:");
        file(db, {first});
        storage::Jobs jobs(db);

        schedule(db, first, t0 + 1h);
        CHECK(jobs.due_at(first) == t0 + 1h);
        CHECK(job_rows(db) == 1);

        SUBCASE("a later computation replaces the earlier one, earlier or later") {
            schedule(db, first, t0 + 3h);
            CHECK(jobs.due_at(first) == t0 + 3h);
            schedule(db, first, t0 + 30min);
            CHECK(jobs.due_at(first) == t0 + 30min);
            CHECK(job_rows(db) == 1);
        }
        SUBCASE("no deadline ahead removes the job") {
            schedule(db, first, std::nullopt);
            CHECK_FALSE(jobs.due_at(first).has_value());
            CHECK(job_rows(db) == 0);
            CHECK_FALSE(jobs.earliest().has_value());
        }
        SUBCASE("removing a job that does not exist is harmless") {
            schedule(db, first, std::nullopt);
            schedule(db, first, std::nullopt);
            CHECK(job_rows(db) == 0);
        }
    }

    TEST_CASE("a job belongs to the unit of work's transaction") {
        storage::Database db(":memory:");
        file(db, {first});
        storage::Jobs jobs(db);

        SUBCASE("a rolled-back unit leaves no new job") {
            {
                storage::UnitOfWork work(db);
                work.schedule(first, t0 + 1h);
            }
            CHECK(job_rows(db) == 0);
        }
        SUBCASE("a rolled-back unit leaves the previous job as it was") {
            schedule(db, first, t0 + 1h);
            {
                storage::UnitOfWork work(db);
                work.schedule(first, t0 + 5h);
            }
            CHECK(jobs.due_at(first) == t0 + 1h);
            {
                storage::UnitOfWork work(db);
                work.schedule(first, std::nullopt);
            }
            CHECK(jobs.due_at(first) == t0 + 1h);
        }
        SUBCASE("the job is filed with a new incident in the same unit") {
            storage::UnitOfWork work(db);
            work.create_incident(second, 2026, work.allocate_incident_number(2026), t0);
            work.schedule(second, t0 + 2h);
            work.commit();
            CHECK(jobs.due_at(second) == t0 + 2h);
        }
    }

    TEST_CASE("a job for an incident that does not exist is refused") {
        storage::Database db(":memory:");
        storage::UnitOfWork work(db);

        CHECK_THROWS_AS(work.schedule(core::IncidentId{"2026-404"}, t0), SQLite::Exception);
    }

    TEST_CASE("due incidents come longest overdue first, and a job due now is due") {
        storage::Database db(":memory:");
        file(db, {first, second, third});
        storage::Jobs jobs(db);
        schedule(db, first, t0 + 2h);
        schedule(db, second, t0 + 1h);
        schedule(db, third, t0 + 3h);

        CHECK(jobs.earliest() == t0 + 1h);
        CHECK(jobs.due(t0 + 1h - 1s).empty());
        CHECK(jobs.due(t0 + 1h) == std::vector<core::IncidentId>{second});
        CHECK(jobs.due(t0 + 2h) == std::vector<core::IncidentId>{second, first});
        CHECK(jobs.due(t0 + 10h) == std::vector<core::IncidentId>{second, first, third});

        SUBCASE("once checked and rescheduled, an incident makes way for the next") {
            schedule(db, second, t0 + 4h);
            CHECK(jobs.earliest() == t0 + 2h);
            CHECK(jobs.due(t0 + 3h) == std::vector<core::IncidentId>{first, third});
        }
        SUBCASE("incidents due at the same time come in id order") {
            schedule(db, third, t0 + 1h);
            CHECK(jobs.due(t0 + 1h) == std::vector<core::IncidentId>{second, third});
        }
    }

    TEST_CASE("a postponed check is no longer due, and the others are not held up") {
        storage::Database db(":memory:");
        file(db, {first, second});
        storage::Jobs jobs(db);
        schedule(db, first, t0 + 1h);
        schedule(db, second, t0 + 2h);

        jobs.postpone(first, t0 + 5h);

        CHECK(jobs.due_at(first) == t0 + 5h);
        CHECK(jobs.due_at(second) == t0 + 2h);
        CHECK(jobs.earliest() == t0 + 2h);
        CHECK(jobs.due(t0 + 2h) == std::vector<core::IncidentId>{second});
        CHECK(jobs.due(t0 + 5h) == std::vector<core::IncidentId>{second, first});
        CHECK(job_rows(db) == 2);

        SUBCASE("a command that runs later reschedules as usual") {
            schedule(db, first, t0 + 90min);
            CHECK(jobs.due_at(first) == t0 + 90min);
            CHECK(jobs.earliest() == t0 + 90min);
        }
    }

    TEST_CASE("postponing an incident without a job creates none") {
        storage::Database db(":memory:");
        file(db, {first});
        storage::Jobs jobs(db);

        jobs.postpone(first, t0 + 1h);

        CHECK(job_rows(db) == 0);
        CHECK_FALSE(jobs.due_at(first).has_value());
        CHECK_FALSE(jobs.earliest().has_value());
    }

    TEST_CASE("jobs survive closing and reopening the file") {
        TempDir dir;
        const std::string path = dir.file("cocbot.db");
        {
            storage::Database db(path);
            file(db, {first, second});
            schedule(db, first, t0 + 2h);
            schedule(db, second, t0 + 1h);
        }

        storage::Database reopened(path);
        storage::Jobs jobs(reopened);
        CHECK(jobs.earliest() == t0 + 1h);
        CHECK(jobs.due_at(first) == t0 + 2h);
        CHECK(jobs.due(t0 + 2h) == std::vector<core::IncidentId>{second, first});
    }

    TEST_CASE("cocbot has nothing due while no effect is pending and no check has come due") {
        storage::Database db(":memory:");
        file(db, {first});
        const auto now = storage::unix_seconds(t0);
        CHECK(storage::nothing_due(db.sql(), now));
        schedule(db, first, t0 + 1h);
        CHECK(storage::nothing_due(db.sql(), now));
        CHECK_FALSE(storage::nothing_due(db.sql(), now + 3600));
        schedule(db, first, std::nullopt);
        {
            storage::UnitOfWork work(db);
            work.enqueue(first, {core::Ephemeral{}}, t0);
            work.commit();
        }
        CHECK_FALSE(storage::nothing_due(db.sql(), now));
    }
} // TEST_SUITE
