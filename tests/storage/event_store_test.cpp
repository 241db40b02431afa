// File: tests/storage/event_store_test.cpp
// The event codec (every type round-trips; secrets are kept apart) and reading incidents back:
// one, all of them, or the one a private channel belongs to.
#include "storage/database.hpp"
#include "storage/event_codec.hpp"
#include "storage/event_store.hpp"
#include "storage/outbox.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <array>
#include <chrono>
#include <doctest/doctest.h>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace {

using namespace cocbot;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14

constexpr std::array all_message_kinds{
    core::MessageKind::triage_prompt,  core::MessageKind::danger_alert,
    core::MessageKind::report_details, core::MessageKind::control_panel,
    core::MessageKind::escrow_notice,  core::MessageKind::channel_notice,
    core::MessageKind::notice};

constexpr std::array all_statuses{core::Status::none, core::Status::escrowed, core::Status::triage};

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
    filed.escrow_matches = {core::IncidentId{"2025-004"}, core::IncidentId{"2025-009"}};
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

void append(storage::Database& db, const core::IncidentId& id,
            const std::vector<core::Event>& events) {
    storage::UnitOfWork work(db);
    work.append(id, events, t0);
    work.commit();
}

const core::ImmediateActionRecorded immediate_action{
    core::UserId{"U0MEMBER1"}, "Asked venue security to escort them out of Hall B", t0};

// One of each event that came with private channels, owners, removals and escrow.
std::vector<core::Event> channel_events() {
    return {
        core::ChannelOpened{core::ChannelId{"G0INCIDENT"}},
        core::OwnerNamed{core::OwnerRole::primary, core::UserId{"U0MEMBER1"},
                         core::UserId{"U0SUBMITTER"}, t0},
        core::OwnerNamed{core::OwnerRole::secondary, core::UserId{"U0MEMBER2"},
                         core::UserId{"U0MEMBER1"}, t0 + std::chrono::minutes{5}},
        core::UnclearedMemberFound{core::UserId{"U0STRANGER"}, t0},
        core::RemovalRefused{core::UserId{"U0STRANGER"}, "restricted_action", t0},
        immediate_action,
        core::EscrowActivated{{core::IncidentId{"2025-004"}, core::IncidentId{"2025-009"}},
                              core::UserId{"U0MEMBER1"},
                              t0 + std::chrono::hours{1}},
        core::ReporterAcknowledged{core::UserId{"U0MEMBER2"}, t0 + std::chrono::hours{2}},
        core::ReminderSent{core::ReminderKind::acknowledge_soon, {}, t0},
        core::ReminderSent{core::ReminderKind::acknowledge_due, {}, t0},
        core::ReminderSent{core::ReminderKind::owners_missing, {}, t0},
        core::ReminderSent{core::ReminderKind::conflict_nudge, core::UserId{"U0MEMBER3"}, t0},
        core::ReminderSent{core::ReminderKind::decision_overdue, {}, t0},
        core::ReminderSent{core::ReminderKind::reporter_update, {}, t0},
        core::ReportedPersonMissing{true, core::UserId{"U0MEMBER1"}, t0},
        core::ReportedPersonMissing{false, core::UserId{"U0MEMBER1"}, t0},
        core::ReporterFollowedUp{core::UserId{"U0MEMBER1"}, "Told them it takes longer", false, t0},
        core::ReporterFollowedUp{core::UserId{"U0MEMBER1"}, "The decision", true, t0}};
}

// A Post's payload split with SQLite's JSON functions: its message's sensitive member, and the
// rest of the payload without it.
struct SplitPayload {
    std::string sensitive;
    std::string rest;
};
SplitPayload split(const core::Post& post) {
    const auto payload = storage::encode_effect(post).payload;
    storage::Database db(":memory:");
    SQLite::Statement query(db.sql(), "SELECT json_extract(:payload, '$.message.sensitive'), "
                                      "json_remove(:payload, '$.message.sensitive')");
    query.bind(":payload", payload);
    REQUIRE(query.executeStep());
    REQUIRE_FALSE(query.getColumn(0).isNull());
    return {query.getColumn(0).getString(), query.getColumn(1).getString()};
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
        SUBCASE("a report with no escrow matches") {
            auto filed = full_report(id);
            filed.escrow_matches.clear();
            CHECK(round_trip(filed) == core::Event{filed});
        }
        SUBCASE("a posted message of each kind") {
            for (const auto kind : all_message_kinds) {
                const core::Event posted = core::MessagePosted{
                    {core::ChannelId{"C0COMMITTEE"}, "1712345678.000100"}, kind};
                CHECK(round_trip(posted) == posted);
            }
        }
        SUBCASE("channels, owners, removals, immediate actions and escrow") {
            for (const auto& event : channel_events()) {
                CAPTURE(event.index());
                CHECK(round_trip(event) == event);
            }
        }
        SUBCASE("escrow activated with nothing, and a removal refused without an error code") {
            const core::Event activated = core::EscrowActivated{{}, core::UserId{"U0M"}, t0};
            const core::Event refused = core::RemovalRefused{core::UserId{"U0X"}, "", t0};
            CHECK(round_trip(activated) == activated);
            CHECK(round_trip(refused) == refused);
        }
    }

    TEST_CASE("a report stored before escrow matching existed decodes with no matches") {
        auto filed = full_report(core::IncidentId{"2026-001"});
        filed.escrow_matches.clear();
        auto encoded = storage::encode_event(filed);
        const std::string key = R"("escrow_matches":[],)";
        const auto at = encoded.data.find(key);
        REQUIRE(at != std::string::npos);
        encoded.data.erase(at, key.size());

        CHECK(storage::decode_event(encoded.type, encoded.data, encoded.sensitive) ==
              core::Event{filed});
    }

    TEST_CASE("every effect and message type round-trips exactly") {
        const core::IncidentId id{"2026-001"};
        const core::Message prompt = core::TriagePrompt{
            id, {core::UserId{"U0REPORTED"}, "Sam"}, core::Source::in_person, 2, 5};
        const core::Message alert =
            core::DangerAlert{id, "Hall B", {"Venue security +1 555 0100", "Crisis line 988"}};
        const core::Message notice = core::Notice{"Thanks, noted."};

        const core::Message details =
            core::ReportDetails{id, t0, full_report(id).report, core::UserId{"U0SUBMITTER"}};
        const core::Message anonymous_details =
            core::ReportDetails{id, t0, anonymous_report(id).report, {}};
        const core::Message panel = core::ControlPanel{id,
                                                       core::Status::triage,
                                                       core::UserId{"U0MEMBER1"},
                                                       core::UserId{"U0MEMBER2"},
                                                       core::UserId{"U0MEMBER1"},
                                                       3};
        const core::Message unowned_panel =
            core::ControlPanel{id, core::Status::escrowed, {}, {}, core::UserId{"U0SUBMITTER"}, 0};
        const core::Message escrow = core::EscrowNotice{id, 2};
        const core::Message channel_notice =
            core::ChannelNotice{{core::UserId{"U0MEMBER1"}, core::UserId{"U0MEMBER2"}},
                                "<@U0MEMBER3> recorded an immediate action:",
                                "Asked *venue security* to <escort> them out"};
        const core::Message plain_notice = core::ChannelNotice{{}, "Nobody to mention", ""};
        const core::Message awaiting_panel =
            core::ControlPanel{id, core::Status::triage, {}, {}, {}, 1, true, true, false};
        const core::Message reminder = core::DeadlineReminder{
            id, core::ReminderKind::acknowledge_due, t0, {core::UserId{"U0MEMBER1"}}};

        for (const auto& message :
             {prompt, alert, notice, details, anonymous_details, panel, unowned_panel, escrow,
              channel_notice, plain_notice, awaiting_panel, reminder}) {
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

        SUBCASE("a control panel in each status") {
            for (const auto status : all_statuses) {
                const core::Effect update = core::Update{
                    id,
                    {core::ChannelId{"G0INCIDENT"}, "1.2"},
                    core::ControlPanel{id, status, {}, {}, core::UserId{"U0MEMBER1"}, 1}};
                CHECK(round_trip(update) == update);
            }
        }
        SUBCASE("channel creation, invitations and removals") {
            const core::Effect create = core::CreatePrivateChannel{id, "coc-2026-001"};
            const core::Effect invite =
                core::Invite{id, core::ChannelId{"G0INCIDENT"}, core::UserId{"U0MEMBER1"}};
            const core::Effect remove =
                core::Remove{id, core::ChannelId{"G0INCIDENT"}, core::UserId{"U0STRANGER"}};

            CHECK(round_trip(create) == create);
            CHECK(round_trip(invite) == invite);
            CHECK(round_trip(remove) == remove);
            // Same fields, different effects: the stored type tells them apart.
            CHECK(storage::encode_effect(invite).type == "invite");
            CHECK(storage::encode_effect(remove).type == "remove");
        }
    }

    TEST_CASE("an immediate action is encoded apart from its public data") {
        const auto encoded = storage::encode_event(immediate_action);

        CHECK(encoded.type == "immediate_action_recorded");
        REQUIRE(encoded.sensitive.has_value());
        CHECK(contains(*encoded.sensitive, "escort them out"));
        CHECK_FALSE(contains(encoded.data, "escort them out"));
        CHECK(contains(encoded.data, "U0MEMBER1")); // who acted, and when, stay public
    }

    TEST_CASE("the report and what people typed sit in an outbox payload's sensitive member") {
        const core::IncidentId id{"2026-001"};

        SUBCASE("report details") {
            const auto payload = split(core::Post{
                id,
                core::ChannelId{"G0INCIDENT"},
                {},
                core::ReportDetails{id, t0, full_report(id).report, core::UserId{"U0SUBMITTER"}},
                false});
            for (const std::string field :
                 {"Repeated unwelcome comments", "Hall B", "Alex Reporter", "alex@example.org",
                  "U0SUBMITTER", "U0REPORTED", "Sam Example"}) {
                CAPTURE(field);
                CHECK(contains(payload.sensitive, field));
                CHECK_FALSE(contains(payload.rest, field));
            }
            CHECK(contains(payload.rest, "2026-001"));
        }
        SUBCASE("a channel notice's quote") {
            const auto payload = split(core::Post{
                id,
                core::ChannelId{"G0INCIDENT"},
                {},
                core::ChannelNotice{{core::UserId{"U0MEMBER1"}}, "Recorded:", "the quote"},
                false});
            CHECK(contains(payload.sensitive, "the quote"));
            CHECK_FALSE(contains(payload.rest, "the quote"));
            CHECK(contains(payload.rest, "Recorded:"));
            CHECK(contains(payload.rest, "U0MEMBER1"));
        }
    }

    TEST_CASE(
        "report details of an anonymous report carrying the reporter's identity are refused") {
        const core::IncidentId id{"2026-001"};
        auto details = core::ReportDetails{id, t0, anonymous_report(id).report, {}};

        SUBCASE("the submitter") {
            details.submitted_by = core::UserId{"U0SUBMITTER"};
        }
        SUBCASE("a name") {
            details.report.reporter_name = "Alex";
        }
        SUBCASE("a contact") {
            details.report.reporter_contact = "alex@example.org";
        }

        CHECK_THROWS_AS(storage::encode_effect(
                            core::Post{id, core::ChannelId{"G0INCIDENT"}, {}, details, false}),
                        std::invalid_argument);
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

        for (const auto& event : channel_events()) {
            CAPTURE(event.index());
            // What people did about the danger, and what they told the reporter, are secrets.
            CHECK(storage::encode_event(event).sensitive.has_value() ==
                  (std::holds_alternative<core::ImmediateActionRecorded>(event) ||
                   std::holds_alternative<core::ReporterFollowedUp>(event)));
        }
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
        SUBCASE("an immediate action without its secret part") {
            const auto encoded = storage::encode_event(immediate_action);
            CHECK_THROWS_AS(storage::decode_event(encoded.type, encoded.data, std::nullopt),
                            std::runtime_error);
        }
        SUBCASE("an unknown owner role or message kind") {
            CHECK_THROWS_AS(
                storage::decode_event("owner_named",
                                      R"({"role":"tertiary","owner":"U1","by":"U2","at":1})",
                                      std::nullopt),
                std::runtime_error);
            CHECK_THROWS_AS(
                storage::decode_event("message_posted",
                                      R"({"message":{"channel":"C","ts":"1"},"kind":"gossip"})",
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
