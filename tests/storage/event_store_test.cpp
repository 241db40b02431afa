// File: tests/storage/event_store_test.cpp
// Reading incidents back: one, all of them, or the one a private channel belongs to; and where
// each part of a report is stored.
#include "storage/database.hpp"
#include "storage/event_store.hpp"
#include "storage/outbox.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/codec_samples.hpp"
#include "tests/storage/query_plan.hpp"
#include "tests/storage/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <chrono>
#include <doctest/doctest.h>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace cocbot;
using namespace cocbot::storage::testing;

// Every text column of every table that can hold part of a report, concatenated.
std::string all_stored_text(storage::Database& db) {
    std::string text;
    SQLite::Statement rows(db.sql(), "SELECT data FROM events UNION ALL "
                                     "SELECT data FROM event_secrets UNION ALL "
                                     "SELECT payload FROM outbox");
    while (rows.executeStep())
        text += rows.getColumn(0).getString() + "\n";
    return text;
}

void file(storage::Database& db, const core::IncidentId& id, int year, int number,
          const std::vector<core::Event>& events) {
    storage::UnitOfWork work(db);
    work.create_incident(id, year, number, t0);
    work.append(id, events, t0);
    work.commit();
}

void append(storage::Database& db, const core::IncidentId& id,
            const std::vector<core::Event>& events) {
    storage::UnitOfWork work(db);
    work.append(id, events, t0);
    work.commit();
}

} // namespace

TEST_SUITE("storage event store") {

    TEST_CASE("an incident's events come back in the order they were appended") {
        storage::Database db(":memory:");
        storage::EventStore store(db);
        const core::IncidentId id{"2026-001"};
        const std::vector<core::Event> first{full_report(id)};
        const std::vector<core::Event> later{
            core::ConflictDeclared{core::UserId{"U0MEMBER1"}, false, t0},
            core::MessagePosted{{core::ChannelId{"C0COMMITTEE"}, "1.2"},
                                core::MessageKind::triage_prompt},
            core::ConflictDeclared{core::UserId{"U0MEMBER2"}, true, t0}};
        file(db, id, 2026, 1, first);
        {
            storage::UnitOfWork work(db);
            work.append(id, later, t0);
            work.commit();
        }

        auto expected = first;
        expected.insert(expected.end(), later.begin(), later.end());
        CHECK(store.events(id) == expected);
    }

    TEST_CASE("an incident is the replay of its events") {
        storage::Database db(":memory:");
        storage::EventStore store(db);
        const core::IncidentId id{"2026-001"};
        file(db, id, 2026, 1,
             {full_report(id), core::ConflictDeclared{core::UserId{"U0MEMBER1"}, false, t0}});

        const auto incident = store.incident(id);

        CHECK(incident.exists());
        CHECK(incident.id == id);
        CHECK(incident.report == full_report(id).report);
        CHECK(incident.submitted_by == core::UserId{"U0SUBMITTER"});
        CHECK(incident.cleared() == std::vector<core::UserId>{core::UserId{"U0MEMBER1"}});
    }

    TEST_CASE("an unknown incident has no events and status none") {
        storage::Database db(":memory:");
        storage::EventStore store(db);
        const core::IncidentId id{"2026-404"};

        CHECK_FALSE(store.exists(id));
        CHECK(store.events(id).empty());
        const auto incident = store.incident(id);
        CHECK(incident.status == core::Status::none);
        CHECK(incident.id == id);
    }

    TEST_CASE("incidents are listed by year, then number") {
        storage::Database db(":memory:");
        storage::EventStore store(db);
        const core::IncidentId a{"2027-001"}, b{"2026-010"}, c{"2026-002"};
        file(db, a, 2027, 1, {full_report(a)});
        file(db, b, 2026, 10, {full_report(b)});
        file(db, c, 2026, 2, {full_report(c)});

        CHECK(store.all_incidents() == std::vector<core::IncidentId>{c, b, a});
        CHECK(store.exists(b));
    }

    TEST_CASE("a report's sensitive fields are stored only in event_secrets") {
        storage::Database db(":memory:");
        const core::IncidentId id{"2026-001"};
        file(db, id, 2026, 1, {full_report(id)});

        const auto data = db.sql().execAndGet("SELECT data FROM events").getString();
        const auto secret = db.sql().execAndGet("SELECT data FROM event_secrets").getString();
        for (const std::string field : {"Repeated unwelcome comments", "Hall B", "Alex Reporter",
                                        "alex@example.org", "U0SUBMITTER"}) {
            CAPTURE(field);
            CHECK_FALSE(contains(data, field));
            CHECK(contains(secret, field));
        }
    }

    TEST_CASE("an anonymous report stores no identity of the reporter") {
        storage::Database db(":memory:");
        const core::IncidentId id{"2026-001"};
        file(db, id, 2026, 1, {anonymous_report(id)});

        {
            storage::UnitOfWork work(db); // and the report posted in its private channel
            work.enqueue(id,
                         {core::Post{id,
                                     core::ChannelId{"G0INCIDENT"},
                                     {},
                                     core::ReportDetails{id, t0, anonymous_report(id).report, {}},
                                     false}},
                         t0);
            work.commit();
        }

        const auto stored = all_stored_text(db);
        CHECK(contains(stored, "Repeated unwelcome comments")); // the report itself is kept
        for (const std::string identity : {"reporter_name", "reporter_contact", "submitted_by",
                                           "Alex Reporter", "alex@example.org", "U0SUBMITTER"}) {
            CAPTURE(identity);
            CHECK_FALSE(contains(stored, identity));
        }
        CHECK(storage::EventStore(db).events(id) == std::vector<core::Event>{anonymous_report(id)});
    }

    TEST_CASE("the response's sensitive fields are stored only in event_secrets") {
        storage::Database db(":memory:");
        const core::IncidentId id{"2026-001"};
        file(db, id, 2026, 1, {full_report(id)});
        append(db, id, response_events());

        std::string data;
        SQLite::Statement rows(db.sql(), "SELECT type, data FROM events");
        while (rows.executeStep())
            data += rows.getColumn(0).getString() + " " + rows.getColumn(1).getString() + "\n";
        std::string secrets;
        SQLite::Statement secret_rows(db.sql(), "SELECT data FROM event_secrets");
        while (secret_rows.executeStep())
            secrets += secret_rows.getColumn(0).getString() + "\n";

        for (const auto& secret : response_secrets) {
            CAPTURE(secret);
            CHECK_FALSE(contains(data, secret));
            CHECK(contains(secrets, secret));
        }
        auto expected = std::vector<core::Event>{full_report(id)};
        const auto later = response_events();
        expected.insert(expected.end(), later.begin(), later.end());
        CHECK(storage::EventStore(db).events(id) == expected);
    }

    TEST_CASE("an immediate action is stored only in event_secrets") {
        storage::Database db(":memory:");
        const core::IncidentId id{"2026-001"};
        file(db, id, 2026, 1, {full_report(id)});
        append(db, id, {immediate_action});

        const std::string where = " WHERE type = 'immediate_action_recorded'";
        const auto data = db.sql().execAndGet("SELECT data FROM events" + where).getString();
        const auto secret =
            db.sql()
                .execAndGet("SELECT event_secrets.data FROM event_secrets JOIN events "
                            "ON events.seq = event_secrets.event_seq" +
                            where)
                .getString();
        CHECK_FALSE(contains(data, "escort them out"));
        CHECK(contains(secret, "escort them out"));
        CHECK(storage::EventStore(db).events(id).back() == core::Event{immediate_action});
    }

    TEST_CASE("an incident's private channel leads back to the incident") {
        storage::Database db(":memory:");
        storage::EventStore store(db);
        const core::IncidentId first{"2026-001"}, second{"2026-002"}, waiting{"2026-003"};
        file(db, first, 2026, 1, {full_report(first)});
        file(db, second, 2026, 2, {full_report(second)});
        file(db, waiting, 2026, 3, {full_report(waiting)}); // its channel is not created yet
        append(db, second, {core::ChannelOpened{core::ChannelId{"G0SECOND"}}});
        append(db, first, channel_events()); // opens G0INCIDENT

        SUBCASE("found") {
            CHECK(store.incident_by_channel(core::ChannelId{"G0INCIDENT"}) == first);
            CHECK(store.incident_by_channel(core::ChannelId{"G0SECOND"}) == second);
        }
        SUBCASE("not found") {
            CHECK_FALSE(store.incident_by_channel(core::ChannelId{"G0UNKNOWN"}).has_value());
            CHECK_FALSE(store.incident_by_channel(core::ChannelId{}).has_value());
            // Stored in other events, but no incident's private channel.
            CHECK_FALSE(store.incident_by_channel(core::ChannelId{"C0COMMITTEE"}).has_value());
        }
        SUBCASE("HR's channel leads back to its incident too") {
            append(db, second, {core::HrChannelOpened{core::ChannelId{"G0SECONDHR"}}});
            CHECK(store.incident_by_channel(core::ChannelId{"G0SECONDHR"}) == second);
        }
        SUBCASE("found by key: the query reads the channel index, not every event") {
            const auto plan =
                query_plan(db, "SELECT incident_id FROM events "
                               "WHERE type IN ('channel_opened', 'hr_channel_opened') "
                               "AND json_extract(data, '$.channel') = 'G0SECOND' "
                               "ORDER BY seq DESC LIMIT 1");
            CAPTURE(plan);
            CHECK(contains(plan, "events_by_channel"));
        }
        SUBCASE("a channel opened again belongs to the latest incident that opened it") {
            append(db, waiting, {core::ChannelOpened{core::ChannelId{"G0SECOND"}}});
            CHECK(store.incident_by_channel(core::ChannelId{"G0SECOND"}) == waiting);
        }
    }

    TEST_CASE("a private channel still leads to its incident after the database is reopened") {
        storage::testing::TempDir dir;
        const std::string path = dir.file("cocbot.db");
        const core::IncidentId id{"2026-001"};
        {
            storage::Database db(path);
            file(db, id, 2026, 1, {full_report(id), core::ChannelOpened{core::ChannelId{"G0X"}}});
        }

        storage::Database reopened(path);
        storage::EventStore store(reopened);
        CHECK(store.incident_by_channel(core::ChannelId{"G0X"}) == id);
        CHECK_FALSE(store.incident_by_channel(core::ChannelId{"G0Y"}).has_value());
    }

    TEST_CASE("all incidents are replayed, by year then number") {
        storage::Database db(":memory:");
        storage::EventStore store(db);
        const core::IncidentId later{"2027-001"}, tenth{"2026-010"}, second{"2026-002"};
        auto escrowed = full_report(tenth);
        escrowed.report.flags.escrow = true;
        file(db, later, 2027, 1, {full_report(later)});
        file(db, tenth, 2026, 10, {escrowed});
        file(db, second, 2026, 2,
             {full_report(second), core::ConflictDeclared{core::UserId{"U0MEMBER1"}, false, t0},
              core::ConflictDeclared{core::UserId{"U0MEMBER2"}, false, t0}});
        append(db, second, channel_events());
        append(db, later, {core::ConflictDeclared{core::UserId{"U0MEMBER2"}, true, t0}});

        const auto incidents = store.incidents();

        REQUIRE(incidents.size() == 3);
        CHECK(incidents[0].id == second);
        CHECK(incidents[1].id == tenth);
        CHECK(incidents[2].id == later);

        const auto& replayed = incidents[0];
        CHECK(replayed.status == core::Status::triage);
        CHECK(replayed.report == full_report(second).report);
        CHECK(replayed.channel == core::ChannelId{"G0INCIDENT"});
        CHECK(replayed.primary_owner == core::UserId{"U0MEMBER1"});
        CHECK(replayed.secondary_owner == core::UserId{"U0MEMBER2"});
        CHECK(replayed.cleared() ==
              std::vector<core::UserId>{core::UserId{"U0MEMBER1"}, core::UserId{"U0MEMBER2"}});
        CHECK(replayed.escrow_matches == full_report(second).escrow_matches);
        CHECK(replayed.escrow_activated ==
              std::vector<core::IncidentId>{core::IncidentId{"2025-004"},
                                            core::IncidentId{"2025-009"}});
        CHECK(incidents[1].status == core::Status::escrowed);
        CHECK(incidents[2].declaration_of(core::UserId{"U0MEMBER2"}) ==
              core::Declaration::conflict);
        CHECK(incidents[2].channel.empty());

        // Each is what incident(id) replays on its own.
        for (const auto& incident : incidents) {
            CAPTURE(incident.id.value);
            const auto alone = store.incident(incident.id);
            CHECK(incident.status == alone.status);
            CHECK(incident.report == alone.report);
            CHECK(incident.declarations == alone.declarations);
            CHECK(incident.channel == alone.channel);
            CHECK(incident.primary_owner == alone.primary_owner);
            CHECK(incident.escrow_activated == alone.escrow_activated);
        }

        SUBCASE("an incident row without events is listed, with status none") {
            storage::UnitOfWork work(db);
            work.create_incident(core::IncidentId{"2026-005"}, 2026, 5, t0);
            work.commit();

            const auto with_empty = store.incidents();
            REQUIRE(with_empty.size() == 4);
            CHECK(with_empty[1].id == core::IncidentId{"2026-005"});
            CHECK(with_empty[1].status == core::Status::none);
            CHECK(with_empty[2].id == tenth);
        }
    }

    TEST_CASE("no incidents, no list") {
        storage::Database db(":memory:");
        CHECK(storage::EventStore(db).incidents().empty());
    }

} // TEST_SUITE
