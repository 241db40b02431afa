// File: tests/storage/unit_of_work_test.cpp
// One command = one transaction: everything it stores is committed together or not at all.
#include "storage/database.hpp"
#include "storage/event_store.hpp"
#include "storage/outbox.hpp"
#include "storage/seen_events.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/codec_samples.hpp"

#include <SQLiteCpp/Exception.h>
#include <doctest/doctest.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace cocbot;
using storage::testing::full_report;
using storage::testing::t0;

core::Effect prompt(const core::IncidentId& id) {
    return core::Post{
        id,
        core::ChannelId{"C0COMMITTEE"},
        {},
        core::TriagePrompt{id, {core::UserId{"U0REPORTED"}, "Sam"}, core::Source::slack, 0, 2},
        true};
}

int rows(storage::Database& db, const std::string& table) {
    return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt();
}

// Files an incident under the next number of `year`, as intake does; returns the number.
int file_next(storage::Database& db, int year) {
    storage::UnitOfWork work(db);
    const int number = work.allocate_incident_number(year);
    const core::IncidentId id{std::to_string(year) + "-" + std::to_string(number)};
    work.create_incident(id, year, number, t0);
    work.append(id, {full_report(id)}, t0);
    work.commit();
    return number;
}

} // namespace

TEST_SUITE("storage unit of work") {

    TEST_CASE("a committed unit of work persists the incident, its events and its effects") {
        storage::Database db(":memory:");
        const core::IncidentId id{"2026-001"};

        storage::UnitOfWork work(db);
        work.create_incident(id, 2026, 1, t0);
        work.append(id, {full_report(id)}, t0);
        const auto ids = work.enqueue(id, {prompt(id), prompt(id)}, t0);
        CHECK(work.mark_seen("Ev0001", t0));
        work.commit();

        CHECK(ids.size() == 2);
        CHECK(ids[0] < ids[1]);
        CHECK(storage::EventStore(db).events(id) == std::vector<core::Event>{full_report(id)});
        CHECK(storage::Outbox(db).count("pending") == 2);
        CHECK(storage::SeenEvents(db).seen("Ev0001"));
        CHECK(db.sql().execAndGet("SELECT filed_at FROM incidents").getInt64() ==
              storage::unix_seconds(t0));
    }

    TEST_CASE("a unit of work destroyed without commit persists nothing") {
        storage::Database db(":memory:");
        const core::IncidentId id{"2026-001"};

        SUBCASE("when it is simply abandoned") {
            storage::UnitOfWork work(db);
            work.create_incident(id, 2026, 1, t0);
            work.append(id, {full_report(id)}, t0);
            work.enqueue(id, {prompt(id)}, t0);
            work.mark_seen("Ev0001", t0);
        }
        SUBCASE("when a step fails halfway") {
            const auto fail_halfway = [&] {
                storage::UnitOfWork work(db);
                work.create_incident(id, 2026, 1, t0);
                work.append(id, {full_report(id)}, t0);
                work.enqueue(id, {prompt(id)}, t0);
                work.append(core::IncidentId{"2026-404"}, {full_report(id)},
                            t0); // no such incident
                work.commit();
            };
            CHECK_THROWS_AS(fail_halfway(), SQLite::Exception);
        }

        for (const char* table : {"incidents", "events", "event_secrets", "outbox", "seen_events"})
            CHECK_MESSAGE(rows(db, table) == 0, table);
        CHECK_FALSE(storage::EventStore(db).exists(id));
    }

    TEST_CASE("an anonymous report with identity is refused and stores nothing") {
        storage::Database db(":memory:");
        const core::IncidentId id{"2026-001"};
        auto filed = full_report(id);
        filed.report.flags.anonymous = true; // but submitted_by is still set

        {
            storage::UnitOfWork work(db);
            work.create_incident(id, 2026, 1, t0);
            CHECK_THROWS_AS(work.append(id, {filed}, t0), std::invalid_argument);
        }

        CHECK(rows(db, "events") == 0);
        CHECK(rows(db, "incidents") == 0);
    }

    TEST_CASE("incident numbers count up within a year and restart at 1 the next") {
        storage::Database db(":memory:");

        CHECK(file_next(db, 2026) == 1);
        CHECK(file_next(db, 2026) == 2);
        CHECK(file_next(db, 2026) == 3);
        CHECK(file_next(db, 2027) == 1);
        CHECK(file_next(db, 2027) == 2);
        CHECK(file_next(db, 2026) == 4); // a late report for the earlier year keeps its own count

        SUBCASE("a number allocated in a rolled-back unit of work is not used up") {
            {
                storage::UnitOfWork work(db);
                const int number = work.allocate_incident_number(2027);
                CHECK(number == 3);
                work.create_incident(core::IncidentId{"2027-3"}, 2027, number, t0);
            }
            CHECK(file_next(db, 2027) == 3);
        }
        SUBCASE("a number cannot be filed twice") {
            storage::UnitOfWork work(db);
            CHECK_THROWS_AS(work.create_incident(core::IncidentId{"other"}, 2026, 2, t0),
                            SQLite::Exception);
        }
    }

    TEST_CASE("effects may be queued without an incident") {
        storage::Database db(":memory:");
        const core::Effect answer = core::Ephemeral{core::ChannelId{"C0"}, core::UserId{"U0"},
                                                    core::Notice{"There is no such incident."}};
        {
            storage::UnitOfWork work(db);
            work.enqueue(std::nullopt, {answer}, t0);
            work.commit();
        }

        const auto due = storage::Outbox(db).next_due(t0);
        REQUIRE(due.has_value());
        CHECK_FALSE(due->incident.has_value());
        CHECK(due->effect == answer);
    }

} // TEST_SUITE
