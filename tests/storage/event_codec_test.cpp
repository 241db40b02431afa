// File: tests/storage/event_codec_test.cpp
// The event codec: every event type round-trips, rows from earlier versions decode, secrets are
// kept apart, and rows that do not decode are refused without echoing their content.
#include "core/events.hpp"
#include "tests/storage/codec_samples.hpp"

#include <doctest/doctest.h>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>

namespace {

using namespace cocbot;
using namespace cocbot::storage::testing;

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
        SUBCASE("a direct message, with whom it went to") {
            const core::Event posted =
                core::MessagePosted{{core::ChannelId{"D0MEMBER"}, "1712345678.000300"},
                                    core::MessageKind::triage_prompt,
                                    0,
                                    core::UserId{"U0MEMBER1"}};
            CHECK(round_trip(posted) == posted);
        }
        SUBCASE("a report that named people off the roster in the committee channel") {
            auto filed = full_report(id);
            filed.strangers_named = {core::UserId{"U0GUEST"}, core::UserId{"U0GUEST2"}};
            CHECK(round_trip(filed) == core::Event{filed});
        }
        SUBCASE("a posted motion message, with its motion's number") {
            const core::Event posted = core::MessagePosted{
                {core::ChannelId{"G0INCIDENT"}, "1712345678.000200"}, core::MessageKind::motion, 3};
            CHECK(round_trip(posted) == posted);
        }
        SUBCASE("motions, ballots, members away and back, conflicts with the reporter, HR, law "
                "enforcement, conversations, resolution and re-opening") {
            for (const auto& event : response_events()) {
                CAPTURE(event.index());
                CHECK(round_trip(event) == event);
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
        REQUIRE(encoded.sensitive.has_value());
        const std::string key = R"("escrow_matches":[],)";
        const auto at = encoded.sensitive->find(key);
        REQUIRE(at != std::string::npos);
        encoded.sensitive->erase(at, key.size());

        CHECK(storage::decode_event(encoded.type, encoded.data, encoded.sensitive) ==
              core::Event{filed});
    }

    TEST_CASE("a message posted before motions existed decodes as no motion") {
        const auto decoded = storage::decode_event(
            "message_posted",
            R"({"message":{"channel":"G0INCIDENT","ts":"1.2"},"kind":"control_panel"})",
            std::nullopt);

        CHECK(decoded == core::Event{core::MessagePosted{{core::ChannelId{"G0INCIDENT"}, "1.2"},
                                                         core::MessageKind::control_panel}});
    }

    TEST_CASE("the response's types and values are stored under stable snake_case names") {
        const auto type_of = [](const core::Event& event) {
            return storage::encode_event(event).type;
        };
        CHECK(type_of(motion_proposed) == "motion_proposed");
        CHECK(type_of(core::BallotCast{}) == "ballot_cast");
        CHECK(type_of(core::MotionDecided{}) == "motion_decided");
        CHECK(type_of(core::MemberLeftChannel{}) == "member_left_channel");
        CHECK(type_of(core::MemberReturned{}) == "member_returned");
        CHECK(type_of(core::MemberRemovedFromCommittee{}) == "member_removed_from_committee");
        CHECK(type_of(core::MemberAddedToCommittee{}) == "member_added_to_committee");
        CHECK(type_of(core::ReporterConflictAsked{}) == "reporter_conflict_asked");
        CHECK(type_of(core::ReporterConflictCleared{}) == "reporter_conflict_cleared");
        CHECK(type_of(core::HrContactAnswered{}) == "hr_contact_answered");
        CHECK(type_of(core::HrChannelOpened{}) == "hr_channel_opened");
        CHECK(type_of(core::HrInvolved{}) == "hr_involved");
        CHECK(type_of(core::HrDropped{}) == "hr_dropped");
        CHECK(type_of(hr_reported) == "hr_reported");
        CHECK(type_of(law_enforcement) == "law_enforcement_involved");
        CHECK(type_of(conversation) == "conversation_recorded");
        CHECK(type_of(resolved) == "incident_resolved");
        CHECK(type_of(core::IncidentReopened{}) == "incident_reopened");

        const core::IncidentId id{"2026-001"};
        const core::ChannelId channel{"G0INCIDENT"};
        CHECK(storage::encode_effect(core::ArchiveChannel{id, channel}).type == "archive_channel");
        CHECK(storage::encode_effect(core::ShareEscrowedReports{id, channel, {}}).type ==
              "share_escrowed_reports");
        CHECK(contains(
            storage::encode_effect(core::Post{id, channel, {}, motion_message(id)}).payload,
            R"("type":"motion")"));
        CHECK(contains(storage::encode_effect(core::Post{id, channel, {}, timeline(id)}).payload,
                       R"("type":"timeline")"));

        // Enumeration values, as they appear in the public data.
        auto escrow = motion_proposed;
        escrow.kind = core::MotionKind::activate_escrow;
        CHECK(contains(storage::encode_event(escrow).data, R"("kind":"activate_escrow")"));
        CHECK(contains(
            storage::encode_event(core::HrInvolved{core::HrScope::employees_only, {}, {}, t0}).data,
            R"("scope":"employees_only")"));
        auto undetermined = hr_reported;
        undetermined.report.finding = core::HrFinding::no_violation;
        CHECK(contains(storage::encode_event(undetermined).data, R"("finding":"no_violation")"));
        auto not_relayed = conversation;
        not_relayed.conversation.apology = core::Apology::not_relayed;
        CHECK(contains(storage::encode_event(not_relayed).data, R"("apology":"not_relayed")"));
        CHECK(contains(
            storage::encode_event(core::MessagePosted{{}, core::MessageKind::timeline}).data,
            R"("kind":"timeline")"));
        CHECK(contains(storage::encode_effect(core::Post{id, channel, {}, full_panel(id)}).payload,
                       R"("status":"handed_off")"));
    }

    TEST_CASE("an immediate action is encoded apart from its public data") {
        const auto encoded = storage::encode_event(immediate_action);

        CHECK(encoded.type == "immediate_action_recorded");
        REQUIRE(encoded.sensitive.has_value());
        CHECK(contains(*encoded.sensitive, "escort them out"));
        CHECK_FALSE(contains(encoded.data, "escort them out"));
        CHECK(contains(encoded.data, "U0MEMBER1")); // who acted, and when, stay public
    }

    TEST_CASE("a report's sensitive fields are encoded apart from its public data") {
        const auto encoded = storage::encode_event(full_report(core::IncidentId{"2026-001"}));
        REQUIRE(encoded.sensitive.has_value());

        for (const std::string secret :
             {"Repeated unwelcome comments", "Hall B", "Alex Reporter", "alex@example.org",
              "U0SUBMITTER", "U0REPORTED", "Sam Example", "immediate_danger"}) {
            CAPTURE(secret);
            CHECK_FALSE(contains(encoded.data, secret));
            CHECK(contains(*encoded.sensitive, secret));
        }
        // What the workflow reads stays public.
        for (const std::string field : {"2026-001", "C0COMMITTEE", "phone"})
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
        for (const auto& event : response_events()) {
            CAPTURE(event.index());
            CHECK(storage::encode_event(event).sensitive.has_value() == has_secret_text(event));
        }
    }

    TEST_CASE(
        "what people typed in the response's events is encoded apart from their public data") {
        std::string data, sensitive;
        for (const auto& event : secret_events()) {
            const auto encoded = storage::encode_event(event);
            REQUIRE(encoded.sensitive.has_value());
            data += encoded.data;
            sensitive += *encoded.sensitive;
        }

        for (const auto& secret : response_secrets) {
            CAPTURE(secret);
            CHECK_FALSE(contains(data, secret));
            CHECK(contains(sensitive, secret));
        }
        // Who, whom, what kind and when stay public.
        for (const std::string field :
             {"U0MEMBER1", "U0MEMBER2", "U0HR", "U0LEAD1", "U0LEAD2", R"("kind":"plan")",
              R"("finding":"violation")", R"("taking_action":false)", R"("apology":"relayed")",
              R"("accepted":true)"}) {
            CAPTURE(field);
            CHECK(contains(data, field));
        }
    }

    TEST_CASE("an anonymous report carrying the reporter's identity is refused") {
        auto filed = anonymous_report(core::IncidentId{"2026-001"});

        SUBCASE("the submitter of a report made in Slack, who may be the reporter") {
            filed.report.source = core::Source::slack;
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

    TEST_CASE(
        "an anonymous report keeps the member who took it by phone, who is not the reporter") {
        auto filed = anonymous_report(core::IncidentId{"2026-001"});
        filed.report.source = core::Source::phone;
        filed.submitted_by = core::UserId{"U0MEMBER1"};
        CHECK(round_trip(filed) == core::Event{filed});
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
        // Found by fuzz/event_codec_fuzz (fuzz/regressions/event_codec/): converting a float
        // out of range to a time was undefined behaviour.
        SUBCASE("a number that is not an integer") {
            CHECK_THROWS_AS(storage::decode_event("reported_person_missing",
                                                  R"({"at":6.6e122,"by":"U1","missing":true})",
                                                  std::nullopt),
                            std::runtime_error);
            CHECK_THROWS_AS(storage::decode_event("conflict_declared",
                                                  R"({"member":"U1","conflicted":true,"at":1.5})",
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
        SUBCASE("an unknown motion kind, HR scope, HR finding or apology") {
            CHECK_THROWS_AS(storage::decode_event("motion_proposed",
                                                  R"({"motion":1,"kind":"coup","by":"U1","at":1})",
                                                  std::optional<std::string>{R"({"text":"t"})"}),
                            std::runtime_error);
            CHECK_THROWS_AS(storage::decode_event(
                                "hr_involved", R"({"scope":"all","contacts":[],"by":"U1","at":1})",
                                std::nullopt),
                            std::runtime_error);
            CHECK_THROWS_AS(storage::decode_event(
                                "hr_reported",
                                R"({"finding":"maybe","taking_action":true,"by":"U1","at":1})",
                                std::optional<std::string>{R"({"plan":"","consequences":""})"}),
                            std::runtime_error);
            const auto encoded = storage::encode_event(conversation);
            auto data = encoded.data;
            const auto at = data.find("relayed");
            REQUIRE(at != std::string::npos);
            data.replace(at, 7, "shouted");
            CHECK_THROWS_AS(storage::decode_event(encoded.type, data, encoded.sensitive),
                            std::runtime_error);
        }
        SUBCASE("the response's events without their secret part") {
            for (const auto& event : secret_events()) {
                CAPTURE(event.index());
                const auto encoded = storage::encode_event(event);
                CHECK_THROWS_AS(storage::decode_event(encoded.type, encoded.data, std::nullopt),
                                std::runtime_error);
            }
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
