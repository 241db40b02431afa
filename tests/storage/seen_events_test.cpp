// File: tests/storage/seen_events_test.cpp
// Slack retries an event it thinks we missed: the second delivery must change nothing.
#include "storage/database.hpp"
#include "storage/seen_events.hpp"
#include "storage/unit_of_work.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <string_view>

namespace {

using namespace cocbot;
using namespace std::chrono_literals;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14

bool mark_seen(storage::Database& db, std::string_view event_id, core::Time at) {
    storage::UnitOfWork work(db);
    const bool first = work.mark_seen(event_id, at);
    work.commit();
    return first;
}

} // namespace

TEST_SUITE("storage seen events") {

    TEST_CASE("an event id is new once and a duplicate afterwards") {
        storage::Database db(":memory:");
        storage::SeenEvents seen(db);

        CHECK_FALSE(seen.seen("Ev0001"));
        CHECK(mark_seen(db, "Ev0001", t0));
        CHECK(seen.seen("Ev0001"));
        CHECK_FALSE(mark_seen(db, "Ev0001", t0 + 1s));
        CHECK_FALSE(seen.seen("Ev0002"));
    }

    TEST_CASE("an event whose command was rolled back is not remembered") {
        storage::Database db(":memory:");
        {
            storage::UnitOfWork work(db);
            CHECK(work.mark_seen("Ev0001", t0));
        }

        CHECK_FALSE(storage::SeenEvents(db).seen("Ev0001"));
        CHECK(mark_seen(db, "Ev0001", t0)); // so Slack's retry is handled
    }

    TEST_CASE("pruning forgets only ids seen before the cut-off") {
        storage::Database db(":memory:");
        storage::SeenEvents seen(db);
        mark_seen(db, "old", t0 - 2h);
        mark_seen(db, "edge", t0);
        mark_seen(db, "new", t0 + 1s);

        seen.prune_before(t0);

        CHECK_FALSE(seen.seen("old"));
        CHECK(seen.seen("edge"));
        CHECK(seen.seen("new"));
    }

    TEST_CASE("pruning says how many ids it forgot, and nothing the second time") {
        storage::Database db(":memory:");
        storage::SeenEvents seen(db);
        mark_seen(db, "old-1", t0 - 3h);
        mark_seen(db, "old-2", t0 - 2h);
        mark_seen(db, "old-3", t0 - 1s);
        mark_seen(db, "kept", t0);

        CHECK(seen.prune_before(t0 - 2h) == 1);
        CHECK(seen.prune_before(t0) == 2);
        CHECK(seen.prune_before(t0) == 0);
        CHECK(seen.seen("kept"));
    }

    TEST_CASE("pruning an empty table forgets nothing") {
        storage::Database db(":memory:");

        CHECK(storage::SeenEvents(db).prune_before(t0 + 1000h) == 0);
    }

} // TEST_SUITE
