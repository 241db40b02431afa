// File: tests/storage/roster_test.cpp
// The roster in the database: seeded from the configuration, reconciled with it at each start,
// every change recorded and kept until the incidents have it.
#include "storage/database.hpp"
#include "storage/roster.hpp"
#include "tests/storage/temp_dir.hpp"

#include <chrono>
#include <doctest/doctest.h>

namespace {

using namespace cocbot;
using namespace std::chrono_literals;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14
const core::UserId alice{"UALICE"}, bob{"UBOB"}, carol{"UCAROL"};

} // namespace

TEST_SUITE("storage roster") {

    TEST_CASE("the first start adds everyone configured, in order, and records it") {
        storage::Database db(":memory:");
        storage::Roster roster(db);
        const auto changes = roster.reconcile({alice, bob, carol}, t0);
        CHECK(changes.size() == 3);
        CHECK(roster.members() == std::vector<core::UserId>{alice, bob, carol});
        for (const auto& change : roster.history()) {
            CHECK(change.added);
            CHECK(change.at == t0);
        }
    }

    TEST_CASE("a later start records who was removed and who added, and nothing else") {
        storage::Database db(":memory:");
        storage::Roster roster(db);
        roster.reconcile({alice, bob}, t0);
        const auto changes = roster.reconcile({alice, carol}, t0 + 1h);
        REQUIRE(changes.size() == 2);
        CHECK(changes[0].user == bob);
        CHECK_FALSE(changes[0].added);
        CHECK(changes[1].user == carol);
        CHECK(changes[1].added);
        CHECK(roster.members() == std::vector<core::UserId>{alice, carol});
        CHECK(roster.reconcile({alice, carol}, t0 + 2h).empty());
        CHECK(roster.history().size() == 4);
    }

    TEST_CASE("a member named twice in the configuration is added once") {
        storage::Database db(":memory:");
        storage::Roster roster(db);
        CHECK(roster.reconcile({alice, alice}, t0).size() == 1);
        CHECK(roster.members() == std::vector<core::UserId>{alice});
    }

    TEST_CASE("a change stays unapplied until marked, across a restart") {
        storage::testing::TempDir dir;
        const auto path = dir.file("cocbot.db");
        std::int64_t removal = 0;
        {
            storage::Database db(path);
            storage::Roster roster(db);
            roster.reconcile({alice, bob}, t0);
            for (const auto& change : roster.unapplied())
                roster.mark_applied(change.seq);
            removal = roster.reconcile({alice}, t0 + 1h).at(0).seq;
        } // a crash before the removal reached the incidents
        storage::Database db(path);
        storage::Roster roster(db);
        const auto unapplied = roster.unapplied();
        REQUIRE(unapplied.size() == 1);
        CHECK(unapplied[0].seq == removal);
        CHECK(unapplied[0].user == bob);
        roster.mark_applied(removal);
        CHECK(roster.unapplied().empty());
        CHECK(roster.members() == std::vector<core::UserId>{alice});
    }
}
