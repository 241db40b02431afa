// File: tests/storage/outbox_test.cpp
// The executor's view of the outbox: due order (per incident), retries and outcomes.
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/unit_of_work.hpp"

#include <chrono>
#include <cstdint>
#include <doctest/doctest.h>
#include <optional>
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

// Queues `effects` for `incident` in one committed command at `at`; returns their ids.
std::vector<std::int64_t> enqueue_for(storage::Database& db,
                                      const std::optional<core::IncidentId>& incident,
                                      const std::vector<core::Effect>& effects, core::Time at) {
    storage::UnitOfWork work(db);
    auto ids = work.enqueue(incident, effects, at);
    work.commit();
    return ids;
}

std::vector<std::int64_t> enqueue(storage::Database& db, const std::vector<core::Effect>& effects,
                                  core::Time at) {
    return enqueue_for(db, incident_id, effects, at);
}

// Takes every due effect in order, marking each done, as the executor would; at most `limit`.
std::vector<core::Effect> drain(storage::Outbox& outbox, core::Time now, int limit = 100) {
    std::vector<core::Effect> performed;
    for (int i = 0; i < limit; ++i) {
        auto due = outbox.next_due(now);
        if (!due)
            break;
        performed.push_back(due->effect);
        outbox.mark_done(due->id, "{}");
    }
    return performed;
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
        const auto ids = enqueue(db, {notice("one")}, t0);

        outbox.record_attempt(ids[0], t0 + 30s);

        CHECK_FALSE(outbox.next_due(t0 + 29s).has_value());
        CHECK(outbox.earliest_pending() == t0 + 30s);
        const auto retry = outbox.next_due(t0 + 30s);
        REQUIRE(retry.has_value());
        CHECK(retry->id == ids[0]);
        CHECK(retry->attempts == 1);
        CHECK(retry->not_before == t0 + 30s);
    }

    TEST_CASE("an incident's effect waits while an earlier one of the same incident is retried") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);
        const auto ids = enqueue(db,
                                 {core::CreatePrivateChannel{incident_id, "coc-2026-001"},
                                  notice("posted in the new channel")},
                                 t0);

        outbox.record_attempt(ids[0], t0 + 30s);

        CHECK_FALSE(outbox.next_due(t0).has_value());
        CHECK_FALSE(outbox.next_due(t0 + 29s).has_value());
        // The waiting one is not due before the one it waits for: no busy wake-ups.
        CHECK(outbox.earliest_pending() == t0 + 30s);
        CHECK(outbox.count("pending") == 2);

        SUBCASE("and runs once the earlier one is done") {
            const auto retry = outbox.next_due(t0 + 30s);
            REQUIRE(retry.has_value());
            CHECK(retry->id == ids[0]);
            outbox.mark_done(ids[0], "{}");
            CHECK(outbox.next_due(t0 + 30s)->id == ids[1]);
        }
        SUBCASE("and runs once the earlier one failed for good") {
            outbox.mark_failed(ids[0], "name_taken");
            CHECK(outbox.earliest_pending() == t0);
            CHECK(outbox.next_due(t0)->id == ids[1]);
        }
        SUBCASE("a later effect of the same incident, queued by another command, waits too") {
            const auto later = enqueue(db, {notice("three")}, t0 + 10s);
            CHECK_FALSE(outbox.next_due(t0 + 10s).has_value());
            CHECK(outbox.earliest_pending() == t0 + 30s);
            outbox.mark_done(ids[0], "{}");
            CHECK(outbox.next_due(t0 + 10s)->id == ids[1]);
            outbox.mark_done(ids[1], "{}");
            CHECK(outbox.next_due(t0 + 10s)->id == later[0]);
        }
    }

    TEST_CASE("another incident's effects, and effects without an incident, do not wait") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);
        const auto stuck = enqueue(db, {notice("one"), notice("two")}, t0);
        const core::IncidentId other{"2026-002"};
        const auto others = enqueue_for(db, other, {notice("other one"), notice("other two")}, t0);
        const auto loose =
            enqueue_for(db, std::nullopt, {notice("loose one"), notice("loose two")}, t0);

        outbox.record_attempt(stuck[0], t0 + 30s);

        const auto first = outbox.next_due(t0);
        REQUIRE(first.has_value());
        CHECK(first->id == others[0]);
        CHECK(first->incident == other);
        outbox.mark_done(others[0], "{}");
        CHECK(outbox.next_due(t0)->id == others[1]);
        outbox.mark_done(others[1], "{}");

        SUBCASE("effects without an incident are not ordered among themselves") {
            outbox.record_attempt(loose[0], t0 + 1min);
            const auto next = outbox.next_due(t0);
            REQUIRE(next.has_value());
            CHECK(next->id == loose[1]);
            CHECK_FALSE(next->incident.has_value());
            outbox.mark_done(loose[1], "{}");
            CHECK_FALSE(outbox.next_due(t0).has_value());
            CHECK(outbox.earliest_pending() == t0 + 30s);
        }
        SUBCASE("and the stuck incident resumes in order") {
            CHECK(drain(outbox, t0) ==
                  std::vector<core::Effect>{notice("loose one"), notice("loose two")});
            CHECK(drain(outbox, t0 + 30s) ==
                  std::vector<core::Effect>{notice("one"), notice("two")});
            CHECK(outbox.count("pending") == 0);
        }
    }

    TEST_CASE("the response's effects come out of the outbox as they were queued, in order") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);
        const core::ChannelId channel{"G0INCIDENT"};
        core::ControlPanel panel; // every field set, the new ones included
        panel.incident = incident_id;
        panel.status = core::Status::resolved;
        panel.primary_owner = core::UserId{"U0MEMBER1"};
        panel.secondary_owner = core::UserId{"U0MEMBER2"};
        panel.responsible = core::UserId{"U0MEMBER1"};
        panel.cleared = 3;
        panel.awaiting_acknowledgement = true;
        panel.reported_missing = true;
        panel.reporter_reachable = false;
        panel.open_motions = 1;
        panel.hr_configured = true;
        panel.hr_involved = core::HrScope::informing;
        panel.hr_declined = true;
        panel.escrow_pending = true;
        const core::MotionMessage motion{
            incident_id,
            1,
            core::MotionKind::reopen,
            "Re-open the incident?",
            core::UserId{"U0MEMBER2"},
            {{core::UserId{"U0MEMBER2"}}, {}, 3, 2, core::MotionResult::open}};
        const core::Timeline record{
            incident_id,
            {{t0, {}, "Report filed"}, {t0 + 1h, core::UserId{"U0MEMBER1"}, "resolved it"}}};
        const std::vector<core::Effect> effects{
            core::Post{incident_id, channel, {}, motion, true},
            core::Update{incident_id, {channel, "1.2"}, motion},
            core::Post{incident_id, channel, {}, record, false},
            core::Update{incident_id, {channel, "1.3"}, panel},
            core::ShareEscrowedReports{incident_id, channel, {core::IncidentId{"2025-004"}}},
            core::ArchiveChannel{incident_id, channel}};
        enqueue(db, effects, t0);

        // The motion's question and the record's lines are read from the events when they are
        // posted (see bot/app/executor_texts.hpp): the outbox keeps the references.
        auto queued_motion = motion;
        queued_motion.text.clear();
        const core::Timeline queued_record{incident_id, {}};
        const std::vector<core::Effect> queued{
            core::Post{incident_id, channel, {}, queued_motion, true},
            core::Update{incident_id, {channel, "1.2"}, queued_motion},
            core::Post{incident_id, channel, {}, queued_record, false},
            effects[3],
            effects[4],
            effects[5]};
        CHECK(drain(outbox, t0) == queued);
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

        CHECK_THROWS_AS(outbox.next_due(t0), storage::UndecodableEffect);
        try {
            outbox.next_due(t0);
        } catch (const storage::UndecodableEffect& e) {
            CHECK(e.id() == ids[0]);
        }
        outbox.mark_failed(ids[0], "cannot decode");
        CHECK_FALSE(outbox.next_due(t0).has_value());
    }

    TEST_CASE("a payload that is not JSON is named by its row, and its text is not repeated") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);
        const auto ids = enqueue(db, {notice("one"), notice("two")}, t0);
        SQLite::Statement corrupt(db.sql(), "UPDATE outbox SET payload = :payload WHERE id = :id");
        corrupt.bind(":payload", R"({"text": "Room 3, Tuesday night)"); // cut short
        corrupt.bind(":id", ids[0]);
        REQUIRE(corrupt.exec() == 1);

        std::optional<std::int64_t> named;
        std::string problem;
        try {
            outbox.next_due(t0);
        } catch (const storage::UndecodableEffect& e) {
            named = e.id();
            problem = e.what();
        }
        CHECK(named == ids[0]);
        CHECK(problem.find("not valid JSON") != std::string::npos);
        CHECK(problem.find("Room 3") == std::string::npos);

        SUBCASE("once it is marked failed, the effects behind it run") {
            outbox.mark_failed(ids[0], "undecodable");
            const auto next = outbox.next_due(t0);
            REQUIRE(next.has_value());
            CHECK(next->id == ids[1]);
            CHECK(next->effect == notice("two"));
        }
    }

    TEST_CASE("a payload of the wrong shape for its type is named by its row") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);
        const auto ids = enqueue(db, {notice("one")}, t0);
        db.sql().exec("UPDATE outbox SET payload = '[1, 2, 3]'");

        std::optional<std::int64_t> named;
        try {
            outbox.next_due(t0);
        } catch (const storage::UndecodableEffect& e) {
            named = e.id();
        }
        CHECK(named == ids[0]);
        CHECK(outbox.count("pending") == 1); // reading it changed nothing
    }

    TEST_CASE("an effect remembers when it was queued, whatever its retries") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);
        const auto ids = enqueue(db, {notice("one")}, t0);

        outbox.record_attempt(ids[0], t0 + 10min);

        const auto retry = outbox.next_due(t0 + 10min);
        REQUIRE(retry.has_value());
        CHECK(retry->created_at == t0);
        CHECK(retry->not_before == t0 + 10min);
    }

    TEST_CASE("the oldest pending effect's queueing time tells how long output has waited") {
        storage::Database db(":memory:");
        storage::Outbox outbox(db);
        CHECK_FALSE(outbox.oldest_pending_created().has_value());

        const auto early = enqueue(db, {notice("one"), notice("two")}, t0);
        const auto late = enqueue(db, {notice("three")}, t0 + 5min);
        CHECK(outbox.oldest_pending_created() == t0);

        SUBCASE("a retry does not make an effect look newer") {
            outbox.record_attempt(early[0], t0 + 1h);
            CHECK(outbox.oldest_pending_created() == t0);
        }
        SUBCASE("an effect waiting behind another of its incident still counts") {
            outbox.record_attempt(early[0], t0 + 1h);
            outbox.mark_done(early[0], "{}");
            CHECK(outbox.oldest_pending_created() == t0); // early[1], queued at t0
        }
        SUBCASE("done and failed effects do not count") {
            outbox.mark_done(early[0], "{}");
            outbox.mark_failed(early[1], "channel_not_found");
            CHECK(outbox.oldest_pending_created() == t0 + 5min);
            outbox.mark_done(late[0], "{}");
            CHECK_FALSE(outbox.oldest_pending_created().has_value());
        }
    }

} // TEST_SUITE
