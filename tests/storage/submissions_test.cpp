// File: tests/storage/submissions_test.cpp
// A report modal submitted again (Slack's retry, or Submit pressed twice) is recognised by its
// view id and hash, so that it files nothing new; the memory is kept with the command's
// transaction and forgotten with the seen events.
#include "storage/database.hpp"
#include "storage/seen_events.hpp"
#include "storage/unit_of_work.hpp"

#include <SQLiteCpp/Exception.h>
#include <chrono>
#include <doctest/doctest.h>
#include <optional>
#include <string>

namespace {

using namespace cocbot;
using namespace std::chrono_literals;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14
const core::IncidentId first{"2026-001"};
const core::IncidentId second{"2026-002"};

// Files `incident` and records the submission that filed it, in one committed unit, as intake
// does.
void file_from(storage::Database& db, const core::IncidentId& incident, const std::string& view,
               const std::string& hash, core::Time at) {
    storage::UnitOfWork work(db);
    work.create_incident(incident, 2026, work.allocate_incident_number(2026), at);
    work.record_submission(view, hash, incident, at);
    work.commit();
}

std::optional<core::IncidentId> filed_by(storage::Database& db, const std::string& view,
                                         const std::string& hash) {
    storage::UnitOfWork work(db);
    return work.filed_by(view, hash); // read only: rolled back on destruction
}

int submission_rows(storage::Database& db) {
    return db.sql().execAndGet("SELECT count(*) FROM submissions").getInt();
}

} // namespace

TEST_SUITE("storage submissions") {

    TEST_CASE("a modal nobody submitted has filed nothing") {
        storage::Database db(":memory:");

        CHECK_FALSE(filed_by(db, "V0001", "hash-1").has_value());
    }

    TEST_CASE("a submission recorded in a committed unit is found afterwards") {
        storage::Database db(":memory:");
        file_from(db, first, "V0001", "hash-1", t0);

        CHECK(filed_by(db, "V0001", "hash-1") == first);
        CHECK(submission_rows(db) == 1);
    }

    TEST_CASE("a submission is found by its view id and hash together") {
        storage::Database db(":memory:");
        file_from(db, first, "V0001", "hash-1", t0);
        file_from(db, second, "V0002", "hash-1", t0);

        CHECK(filed_by(db, "V0001", "hash-1") == first);
        CHECK(filed_by(db, "V0002", "hash-1") == second);
        // The same view, changed since (a new hash), is another submission.
        CHECK_FALSE(filed_by(db, "V0001", "hash-2").has_value());
        CHECK_FALSE(filed_by(db, "V0003", "hash-1").has_value());
    }

    TEST_CASE("a submission is found in its own unit before the unit commits") {
        storage::Database db(":memory:");
        storage::UnitOfWork work(db);
        work.create_incident(first, 2026, 1, t0);
        work.record_submission("V0001", "hash-1", first, t0);

        CHECK(work.filed_by("V0001", "hash-1") == first);
    }

    TEST_CASE("a submission whose unit was rolled back is not remembered") {
        storage::Database db(":memory:");
        {
            storage::UnitOfWork work(db);
            work.create_incident(first, 2026, 1, t0);
            work.record_submission("V0001", "hash-1", first, t0);
        } // no commit

        CHECK_FALSE(filed_by(db, "V0001", "hash-1").has_value());
        CHECK(submission_rows(db) == 0);
        // So Slack's retry files the report after all.
        file_from(db, first, "V0001", "hash-1", t0);
        CHECK(filed_by(db, "V0001", "hash-1") == first);
    }

    TEST_CASE("the same submission cannot be recorded twice") {
        storage::Database db(":memory:");
        file_from(db, first, "V0001", "hash-1", t0);

        storage::UnitOfWork work(db);
        work.create_incident(second, 2026, 2, t0);
        CHECK_THROWS_AS(work.record_submission("V0001", "hash-1", second, t0), SQLite::Exception);
    }

    TEST_CASE("a submission must name an incident that exists") {
        storage::Database db(":memory:");
        storage::UnitOfWork work(db);

        CHECK_THROWS_AS(work.record_submission("V0001", "hash-1", core::IncidentId{"2026-404"}, t0),
                        SQLite::Exception);
    }

    TEST_CASE("pruning forgets submissions recorded before the cut-off, with the seen events") {
        storage::Database db(":memory:");
        file_from(db, first, "V-old", "hash", t0 - 2h);
        file_from(db, second, "V-edge", "hash", t0);
        {
            storage::UnitOfWork work(db);
            work.mark_seen("Ev-old", t0 - 1h);
            work.mark_seen("Ev-new", t0 + 1s);
            work.commit();
        }
        storage::SeenEvents seen(db);

        CHECK(seen.prune_before(t0) == 2); // one submission and one event id

        CHECK_FALSE(filed_by(db, "V-old", "hash").has_value());
        CHECK(filed_by(db, "V-edge", "hash") == second);
        CHECK_FALSE(seen.seen("Ev-old"));
        CHECK(seen.seen("Ev-new"));
        CHECK(submission_rows(db) == 1);
        // The incident a forgotten submission filed is kept: only the memory of the modal goes.
        CHECK(db.sql().execAndGet("SELECT count(*) FROM incidents").getInt() == 2);
    }

} // TEST_SUITE
