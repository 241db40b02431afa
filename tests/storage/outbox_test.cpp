// File: tests/storage/outbox_test.cpp
// The executor's view of the outbox: due order, retries and outcomes.
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/unit_of_work.hpp"

#include <chrono>
#include <cstdint>
#include <doctest/doctest.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace cocbot;
using namespace std::chrono_literals;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14
const core::IncidentId incident_id{"2026-001"};

core::Effect notice(const std::string& text) {
    return core::Ephemeral{core::ChannelId{"C0COMMITTEE"}, core::UserId{"U0MEMBER1"},
                           core::Notice{text}};
}

// Queues `effects` for the incident in one committed command at `at`; returns their ids.
std::vector<std::int64_t> enqueue(storage::Database& db, const std::vector<core::Effect>& effects,
                                  core::Time at) {
    storage::UnitOfWork work(db);
    auto ids = work.enqueue(incident_id, effects, at);
    work.commit();
    return ids;
}

std::string column(storage::Database& db, const std::string& name, std::int64_t id) {
    SQLite::Statement query(db.sql(), "SELECT " + name + " FROM outbox WHERE id = :id");
    query.bind(":id", id);
    REQUIRE(query.executeStep());
    return query.getColumn(0).getString();
}

} // namespace

TEST_SUITE("storage outbox") {

    TEST_CASE("an empty outbox has nothing due and no next time") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);

        CHECK_FALSE(outbox.next_due(t0).has_value());
        CHECK_FALSE(outbox.earliest_pending().has_value());
        CHECK(outbox.count("pending") == 0);
    }

    TEST_CASE("the oldest due effect comes first, and none before its time") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);
        const auto first = enqueue(db, {notice("one"), notice("two")}, t0);
        const auto later = enqueue(db, {notice("three")}, t0 + 1min);

        CHECK_FALSE(outbox.next_due(t0 - 1s).has_value());
        CHECK(outbox.earliest_pending() == t0);

        const auto due = outbox.next_due(t0);
        REQUIRE(due.has_value());
        CHECK(due->id == first[0]);
        CHECK(due->incident == incident_id);
        CHECK(due->effect == notice("one"));
        CHECK(due->attempts == 0);
        CHECK(due->not_before == t0);

        SUBCASE("finished effects make way for the next in order") {
            outbox.mark_done(first[0], R"({"ok":true})");
            CHECK(outbox.next_due(t0)->id == first[1]);
            outbox.mark_done(first[1], R"({"ok":true})");
            CHECK_FALSE(outbox.next_due(t0).has_value());
            CHECK(outbox.earliest_pending() == t0 + 1min);
            CHECK(outbox.next_due(t0 + 1min)->id == later[0]);
        }
    }

    TEST_CASE("an attempt is counted and postpones the effect until its retry time") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);
        const auto ids = enqueue(db, {notice("one"), notice("two")}, t0);

        outbox.record_attempt(ids[0], t0 + 30s);

        const auto due = outbox.next_due(t0);
        REQUIRE(due.has_value());
        CHECK(due->id == ids[1]); // the retried one waits; the next one need not
        outbox.mark_done(ids[1], "{}");
        CHECK_FALSE(outbox.next_due(t0 + 29s).has_value());
        CHECK(outbox.earliest_pending() == t0 + 30s);

        const auto retry = outbox.next_due(t0 + 30s);
        REQUIRE(retry.has_value());
        CHECK(retry->id == ids[0]);
        CHECK(retry->attempts == 1);
        CHECK(retry->not_before == t0 + 30s);
    }

    TEST_CASE("done and failed effects are kept with their outcome and counted by state") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);
        const auto ids = enqueue(db, {notice("one"), notice("two"), notice("three")}, t0);

        outbox.mark_done(ids[0], R"({"ts":"1712345678.000100"})");
        outbox.record_attempt(ids[1], t0);
        outbox.mark_failed(ids[1], "channel_not_found");

        CHECK(outbox.count("pending") == 1);
        CHECK(outbox.count("done") == 1);
        CHECK(outbox.count("failed") == 1);
        CHECK(column(db, "result", ids[0]) == R"({"ts":"1712345678.000100"})");
        CHECK(column(db, "last_error", ids[1]) == "channel_not_found");
        CHECK(column(db, "attempts", ids[1]) == "1");
        CHECK(outbox.next_due(t0)->id == ids[2]);
    }

    TEST_CASE("only a pending effect can change state") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);
        const auto ids = enqueue(db, {notice("one")}, t0);
        outbox.mark_done(ids[0], "{}");

        CHECK_THROWS_AS(outbox.mark_done(ids[0], "{}"), std::logic_error);
        CHECK_THROWS_AS(outbox.mark_failed(ids[0], "late"), std::logic_error);
        CHECK_THROWS_AS(outbox.record_attempt(ids[0], t0), std::logic_error);
        CHECK_THROWS_AS(outbox.record_attempt(9999, t0), std::logic_error);
        CHECK(outbox.count("done") == 1);
    }

    TEST_CASE("a payload that no longer decodes is reported, and can be marked failed") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);
        const auto ids = enqueue(db, {notice("one")}, t0);
        db.sql().exec("UPDATE outbox SET type = 'teleport'");

        CHECK_THROWS_AS(outbox.next_due(t0), std::runtime_error);
        outbox.mark_failed(ids[0], "cannot decode");
        CHECK_FALSE(outbox.next_due(t0).has_value());
    }

} // TEST_SUITE
