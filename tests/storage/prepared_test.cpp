// File: tests/storage/prepared_test.cpp
// Statements are prepared once per connection: repositories built again, for every command,
// reuse them, and a statement is reset between uses.
#include "storage/database.hpp"
#include "storage/event_store.hpp"
#include "storage/jobs.hpp"
#include "storage/outbox.hpp"
#include "storage/seen_events.hpp"
#include "storage/unit_of_work.hpp"

#include <SQLiteCpp/Exception.h>
#include <doctest/doctest.h>

namespace {

using namespace cocbot;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14
const core::IncidentId id{"2026-001"};

// One command's worth of storage work, through freshly built repositories.
void one_command(storage::Database& db) {
    {
        storage::UnitOfWork work{db};
        if (!storage::EventStore{db}.exists(id))
            work.create_incident(id, 2026, 1, t0);
        work.append(id, {core::ChannelOpened{core::ChannelId{"G0INCIDENT"}}}, t0);
        work.enqueue(id, {core::Invite{id, core::ChannelId{"G0INCIDENT"}, core::UserId{"U1"}}}, t0);
        work.schedule(id, t0);
        work.commit();
    }
    storage::EventStore{db}.incident(id);
    storage::Outbox{db}.next_due(t0);
    storage::Jobs{db}.due(t0);
    storage::SeenEvents{db}.seen("Ev1");
}

} // namespace

TEST_SUITE("storage prepared statements") {

    TEST_CASE("repositories built again reuse the statements the connection prepared") {
        storage::Database db(":memory:");
        one_command(db);
        const auto prepared = db.prepared_count();
        CHECK(prepared > 10);

        one_command(db);
        one_command(db);

        CHECK(db.prepared_count() == prepared);
        CHECK(storage::EventStore{db}.events(id).size() == 3);
    }

    TEST_CASE("a statement is handed out reset, whatever its last user left") {
        storage::Database db(":memory:");
        auto& first = db.prepared("SELECT 1 UNION ALL SELECT 2");
        REQUIRE(first.executeStep()); // one row read, one left
        auto& again = db.prepared("SELECT 1 UNION ALL SELECT 2");

        CHECK(&again == &first);
        REQUIRE(again.executeStep());
        CHECK(again.getColumn(0).getInt() == 1);
    }

    TEST_CASE("SQL that does not prepare is refused and not cached") {
        storage::Database db(":memory:");
        const auto before = db.prepared_count();
        CHECK_THROWS_AS(db.prepared("SELEKT 1"), SQLite::Exception);
        CHECK(db.prepared_count() == before);
    }
}
