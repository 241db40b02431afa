// File: tests/storage/event_store_test.cpp
// The event codec (every type round-trips; secrets are kept apart) and reading incidents back.
#include "storage/database.hpp"
#include "storage/event_codec.hpp"
#include "storage/event_store.hpp"
#include "storage/unit_of_work.hpp"

#include <array>
#include <doctest/doctest.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace cocbot;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14

constexpr std::array all_sources{core::Source::slack,     core::Source::phone,
                                 core::Source::in_person, core::Source::email,
                                 core::Source::web_form,  core::Source::other};

// A report with every field set to something recognisable.
core::ReportFiled full_report(const core::IncidentId& id) {
    core::ReportFiled filed;
    filed.incident = id;
    filed.at = t0;
    filed.report.reported = {core::UserId{"U0REPORTED"}, "Sam Example"};
    filed.report.description = "Repeated unwelcome comments during the keynote";
    filed.report.location = "Hall B, Saturday 10:15";
    filed.report.reporter_name = "Alex Reporter";
    filed.report.reporter_contact = "alex@example.org";
    filed.report.source = core::Source::phone;
    filed.report.flags.immediate_danger = true;
    filed.submitted_by = core::UserId{"U0SUBMITTER"};
    filed.committee = {core::UserId{"U0MEMBER1"}, core::UserId{"U0MEMBER2"}};
    filed.committee_channel = core::ChannelId{"C0COMMITTEE"};
    filed.reported_is_member = true;
    return filed;
}

core::ReportFiled anonymous_report(const core::IncidentId& id) {
    core::ReportFiled filed = full_report(id);
    filed.report.flags.anonymous = true;
    filed.report.reporter_name.clear();
    filed.report.reporter_contact.clear();
    filed.submitted_by = {};
    return filed;
}

core::Event round_trip(const core::Event& event) {
    const auto encoded = storage::encode_event(event);
    return storage::decode_event(encoded.type, encoded.data, encoded.sensitive);
}

core::Effect round_trip(const core::Effect& effect) {
    const auto encoded = storage::encode_effect(effect);
    return storage::decode_effect(encoded.type, encoded.payload);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

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

} // namespace

TEST_SUITE("storage event codec") {

    TEST_CASE("every event type round-trips exactly") {
        const core::IncidentId id{"2026-001"};

        SUBCASE("a report with every field set") {
            CHECK(round_trip(full_report(id)) == core::Event{full_report(id)});
        }
        SUBCASE("an anonymous report") {
            CHECK(round_trip(anonymous_report(id)) == core::Event{anonymous_report(id)});
        }
        SUBCASE("a report from each source") {
            for (const auto source : all_sources) {
                auto filed = full_report(id);
                filed.report.source = source;
                CHECK(round_trip(filed) == core::Event{filed});
            }
        }
        SUBCASE("a report with each flag alone") {
            for (auto flag :
                 {&core::Flags::anonymous, &core::Flags::escrow, &core::Flags::immediate_danger,
                  &core::Flags::involves_employee, &core::Flags::no_updates}) {
                auto filed = anonymous_report(id); // no identity, so the anonymous flag is allowed
                filed.report.flags = {};
                filed.report.flags.*flag = true;
                CHECK(round_trip(filed) == core::Event{filed});
            }
        }
        SUBCASE("a report of a free-text name, with no one asked") {
            auto filed = full_report(id);
            filed.report.reported = {{}, "Someone at the party"};
            filed.committee.clear();
            filed.reported_is_member = false;
            CHECK(round_trip(filed) == core::Event{filed});
        }
        SUBCASE("conflict declarations both ways") {
            for (const bool conflicted : {false, true}) {
                const core::Event declared =
                    core::ConflictDeclared{core::UserId{"U0M"}, conflicted, t0};
                CHECK(round_trip(declared) == declared);
            }
        }
        SUBCASE("a posted message of each kind") {
            for (const auto kind : {core::MessageKind::triage_prompt,
                                    core::MessageKind::danger_alert, core::MessageKind::notice}) {
                const core::Event posted = core::MessagePosted{
                    {core::ChannelId{"C0COMMITTEE"}, "1712345678.000100"}, kind};
                CHECK(round_trip(posted) == posted);
            }
        }
    }

    TEST_CASE("every effect and message type round-trips exactly") {
        const core::IncidentId id{"2026-001"};
        const core::Message prompt = core::TriagePrompt{
            id, {core::UserId{"U0REPORTED"}, "Sam"}, core::Source::in_person, 2, 5};
        const core::Message alert =
            core::DangerAlert{id, "Hall B", {"Venue security +1 555 0100", "Crisis line 988"}};
        const core::Message notice = core::Notice{"Thanks, noted."};

        for (const auto& message : {prompt, alert, notice}) {
            CAPTURE(message.index());
            const core::Effect post =
                core::Post{id, core::ChannelId{"C0COMMITTEE"}, {}, message, true};
            const core::Effect direct =
                core::Post{id, {}, core::UserId{"U0MEMBER1"}, message, false};
            const core::Effect update =
                core::Update{id, {core::ChannelId{"C0COMMITTEE"}, "1712345678.000100"}, message};
            const core::Effect ephemeral =
                core::Ephemeral{core::ChannelId{"C0COMMITTEE"}, core::UserId{"U0MEMBER1"}, message};

            CHECK(round_trip(post) == post);
            CHECK(round_trip(direct) == direct);
            CHECK(round_trip(update) == update);
            CHECK(round_trip(ephemeral) == ephemeral);
        }
    }

    TEST_CASE("a report's sensitive fields are encoded apart from its public data") {
        const auto encoded = storage::encode_event(full_report(core::IncidentId{"2026-001"}));
        REQUIRE(encoded.sensitive.has_value());

        for (const std::string secret : {"Repeated unwelcome comments", "Hall B", "Alex Reporter",
                                         "alex@example.org", "U0SUBMITTER"}) {
            CAPTURE(secret);
            CHECK_FALSE(contains(encoded.data, secret));
            CHECK(contains(*encoded.sensitive, secret));
        }
        // What the workflow reads stays public.
        for (const std::string field :
             {"2026-001", "U0REPORTED", "Sam Example", "C0COMMITTEE", "phone"})
            CHECK(contains(encoded.data, field));
    }

    TEST_CASE("events without anything sensitive have no secret part") {
        const auto encoded =
            storage::encode_event(core::ConflictDeclared{core::UserId{"U0M"}, true, t0});
        CHECK(encoded.type == "conflict_declared");
        CHECK_FALSE(encoded.sensitive.has_value());
    }

    TEST_CASE("an anonymous report carrying the reporter's identity is refused") {
        auto filed = anonymous_report(core::IncidentId{"2026-001"});

        SUBCASE("the submitter") {
            filed.submitted_by = core::UserId{"U0SUBMITTER"};
        }
        SUBCASE("a name") {
            filed.report.reporter_name = "Alex";
        }
        SUBCASE("a contact") {
            filed.report.reporter_contact = "alex@example.org";
        }

        CHECK_THROWS_AS(storage::encode_event(filed), std::invalid_argument);
    }

    TEST_CASE("text that is not valid UTF-8 is stored with a replacement character") {
        auto filed = full_report(core::IncidentId{"2026-001"});
        filed.report.description = "bad \xff byte";

        const auto decoded = round_trip(filed);

        CHECK(std::get<core::ReportFiled>(decoded).report.description == "bad \xEF\xBF\xBD byte");
    }

    TEST_CASE("stored rows that do not decode are refused without echoing their content") {
        const auto good = storage::encode_event(full_report(core::IncidentId{"2026-001"}));

        SUBCASE("an unknown event type") {
            CHECK_THROWS_WITH_AS(storage::decode_event("report_burned", good.data, good.sensitive),
                                 doctest::Contains("report_burned"), std::runtime_error);
        }
        SUBCASE("data that is not JSON") {
            std::string message;
            try {
                storage::decode_event("report_filed", "{Alex Reporter said", good.sensitive);
            } catch (const std::runtime_error& error) {
                message = error.what();
            }
            CHECK_FALSE(message.empty());
            CHECK_FALSE(contains(message, "Alex"));
        }
        SUBCASE("a missing field") {
            CHECK_THROWS_AS(storage::decode_event("report_filed", good.data, std::nullopt),
                            std::runtime_error);
            CHECK_THROWS_AS(storage::decode_event("conflict_declared", "{}", std::nullopt),
                            std::runtime_error);
        }
        SUBCASE("a field of the wrong type") {
            CHECK_THROWS_AS(storage::decode_event("conflict_declared",
                                                  R"({"member":"U1","conflicted":"yes","at":1})",
                                                  std::nullopt),
                            std::runtime_error);
        }
        SUBCASE("an unknown effect or message type") {
            CHECK_THROWS_AS(storage::decode_effect("teleport", "{}"), std::runtime_error);
            CHECK_THROWS_AS(
                storage::decode_effect("ephemeral",
                                       R"({"channel":"C","user":"U","message":{"type":"x"}})"),
                std::runtime_error);
        }
    }

} // TEST_SUITE

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

        const auto stored = all_stored_text(db);
        CHECK(contains(stored, "Repeated unwelcome comments")); // the report itself is kept
        for (const std::string identity : {"reporter_name", "reporter_contact", "submitted_by",
                                           "Alex Reporter", "alex@example.org", "U0SUBMITTER"}) {
            CAPTURE(identity);
            CHECK_FALSE(contains(stored, identity));
        }
        CHECK(storage::EventStore(db).events(id) == std::vector<core::Event>{anonymous_report(id)});
    }

} // TEST_SUITE
