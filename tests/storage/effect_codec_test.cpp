// File: tests/storage/effect_codec_test.cpp
// The effect codec: every effect and message round-trips, payloads from earlier versions decode,
// and what people typed is kept apart from the rest of a payload.
#include "storage/database.hpp"
#include "tests/storage/codec_samples.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <stdexcept>
#include <string>
#include <variant>

namespace {

using namespace cocbot;
using namespace cocbot::storage::testing;

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

// `message` as the outbox keeps it: without the text it references, which the executor reads
// from the incident's events when it posts.
core::Message as_queued(core::Message message) {
    if (auto* details = std::get_if<core::ReportDetails>(&message)) {
        details->report = {};
        details->submitted_by = {};
    } else if (auto* motion = std::get_if<core::MotionMessage>(&message)) {
        motion->text.clear();
    } else if (auto* timeline = std::get_if<core::Timeline>(&message)) {
        timeline->lines.clear();
    } else if (auto* notice = std::get_if<core::ChannelNotice>(&message);
               notice && notice->quoted) {
        notice->quote.clear();
    }
    return message;
}

// The whole payload of a Post, for messages that have nothing to seal.
std::string payload_of(const core::Post& post) {
    return storage::encode_effect(post).payload;
}

} // namespace

TEST_SUITE("storage effect codec") {

    TEST_CASE(
        "a control panel queued before motions and HR decodes with the new fields' defaults") {
        // A payload as the codec wrote it before motions and HR.
        const auto decoded = storage::decode_effect(
            "update", R"({"incident":"2026-001","target":{"channel":"G0INCIDENT","ts":"1.2"},)"
                      R"("message":{"type":"control_panel","incident":"2026-001",)"
                      R"("status":"triage","primary_owner":"U0MEMBER1","secondary_owner":"",)"
                      R"("responsible":"U0MEMBER1","cleared":3,)"
                      R"("awaiting_acknowledgement":true,"reported_missing":false,)"
                      R"("reporter_reachable":true}})");

        auto expected = control_panel(core::IncidentId{"2026-001"}, core::Status::triage,
                                      core::UserId{"U0MEMBER1"}, 3);
        expected.primary_owner = core::UserId{"U0MEMBER1"};
        expected.awaiting_acknowledgement = true;
        CHECK(decoded == core::Effect{core::Update{core::IncidentId{"2026-001"},
                                                   {core::ChannelId{"G0INCIDENT"}, "1.2"},
                                                   expected}});
        const auto& panel = std::get<core::ControlPanel>(std::get<core::Update>(decoded).message);
        CHECK(panel.open_motions == 0);
        CHECK_FALSE(panel.hr_configured);
        CHECK_FALSE(panel.hr_involved.has_value());
        CHECK_FALSE(panel.hr_declined);
        CHECK_FALSE(panel.escrow_pending);
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
        auto owned = control_panel(id, core::Status::triage, core::UserId{"U0MEMBER1"}, 3);
        owned.primary_owner = core::UserId{"U0MEMBER1"};
        owned.secondary_owner = core::UserId{"U0MEMBER2"};
        const core::Message panel = owned;
        const core::Message unowned_panel =
            control_panel(id, core::Status::escrowed, core::UserId{"U0SUBMITTER"}, 0);
        const core::Message escrow = core::EscrowNotice{id, 2};
        const core::Message channel_notice = core::ChannelNotice{
            {core::UserId{"U0MEMBER1"}, core::UserId{"U0MEMBER2"}},
            core::mention(core::UserId{"U0MEMBER3"}) + " recorded an " + core::strong("immediate") +
                " action " + core::icon(core::Icon::warning) + " in " +
                core::channel_ref(core::ChannelId{"G0INCIDENT"}) + ":",
            "Asked *venue security* to <escort> them out"};
        const core::Message plain_notice = core::ChannelNotice{{}, "Nobody to mention", ""};
        const core::Message quoting_notice =
            core::ChannelNotice{{core::UserId{"U0MEMBER1"}},
                                "Recorded:",
                                "Called venue security",
                                core::QuoteRef{id, core::QuoteSource::record, 3}};
        const core::Message quoting_motion = core::ChannelNotice{
            {}, "Decided:", "A workshop", core::QuoteRef{id, core::QuoteSource::motion, 2}};
        auto awaiting = control_panel(id, core::Status::triage, {}, 1);
        awaiting.awaiting_acknowledgement = true;
        awaiting.reported_missing = true;
        awaiting.reporter_reachable = false;
        const core::Message awaiting_panel = awaiting;
        const core::Message reminder = core::DeadlineReminder{
            id, core::ReminderKind::acknowledge_due, t0, {core::UserId{"U0MEMBER1"}}};
        const core::Message response_panel = full_panel(id);
        auto informing = full_panel(id);
        informing.hr_involved = core::HrScope::informing;
        const core::Message informing_panel = informing;
        const core::Message open_motion = motion_message(id);
        auto decided = motion_message(id);
        decided.kind = core::MotionKind::activate_escrow;
        decided.tally = {{}, {core::UserId{"U0MEMBER1"}}, 1, 1, core::MotionResult::rejected};
        const core::Message decided_motion = decided;
        auto passed = motion_message(id);
        passed.tally.result = core::MotionResult::passed;
        const core::Message passed_motion = passed;
        const core::Message record = timeline(id);
        const core::Message empty_record = core::Timeline{id, {}};
        const core::Message reporter_conflict = core::ReporterConflictPrompt{id};
        const core::Message hr_conflict = core::HrConflictPrompt{
            id, {core::UserId{"U0REPORTED"}, "Sam Example"}, core::HrScope::employees_only};

        const core::Message ballot =
            core::CommitteeBallot{7,
                                  core::CommitteeMotionKind::removal,
                                  core::UserId{"U0MEMBER3"},
                                  core::UserId{"U0MEMBER1"},
                                  {},
                                  {2, 1, 5, 4, 3, core::MotionResult::open}};
        const core::Message withdrawn_ballot =
            core::CommitteeBallot{8,
                                  core::CommitteeMotionKind::admission,
                                  core::UserId{"U0NEW"},
                                  core::UserId{"U0MEMBER1"},
                                  {},
                                  {},
                                  true};
        const core::Message check_in = core::CheckInPrompt{core::CheckInAnswer::stepped_down};
        const core::Message checklist =
            core::OffboardChecklist{3,
                                    core::UserId{"U0MEMBER3"},
                                    core::OffboardCause::removed,
                                    {{"mailing_lists", core::UserId{"U0MEMBER1"}, t0}}};
        const core::Message farewell = core::Farewell{3, core::OffboardCause::resigned, {}};

        for (const auto& message : {ballot,
                                    withdrawn_ballot,
                                    check_in,
                                    checklist,
                                    farewell,
                                    prompt,
                                    alert,
                                    notice,
                                    details,
                                    anonymous_details,
                                    panel,
                                    unowned_panel,
                                    escrow,
                                    channel_notice,
                                    plain_notice,
                                    quoting_notice,
                                    quoting_motion,
                                    awaiting_panel,
                                    reminder,
                                    response_panel,
                                    informing_panel,
                                    open_motion,
                                    decided_motion,
                                    passed_motion,
                                    record,
                                    empty_record,
                                    reporter_conflict,
                                    hr_conflict}) {
            CAPTURE(message.index());
            const core::Effect post =
                core::Post{id, core::ChannelId{"C0COMMITTEE"}, {}, message, true};
            const core::Effect direct =
                core::Post{id, {}, core::UserId{"U0MEMBER1"}, message, false};
            const core::Effect update =
                core::Update{id, {core::ChannelId{"C0COMMITTEE"}, "1712345678.000100"}, message};
            const core::Effect ephemeral =
                core::Ephemeral{core::ChannelId{"C0COMMITTEE"}, core::UserId{"U0MEMBER1"}, message};

            const auto queued = as_queued(message);
            CHECK(round_trip(post) ==
                  core::Effect{core::Post{id, core::ChannelId{"C0COMMITTEE"}, {}, queued, true}});
            CHECK(round_trip(direct) ==
                  core::Effect{core::Post{id, {}, core::UserId{"U0MEMBER1"}, queued, false}});
            CHECK(round_trip(update) ==
                  core::Effect{core::Update{
                      id, {core::ChannelId{"C0COMMITTEE"}, "1712345678.000100"}, queued}});
            CHECK(round_trip(ephemeral) ==
                  core::Effect{core::Ephemeral{core::ChannelId{"C0COMMITTEE"},
                                               core::UserId{"U0MEMBER1"}, queued}});
        }

        SUBCASE("a control panel in each status") {
            for (const auto status : all_statuses) {
                const core::Effect update =
                    core::Update{id,
                                 {core::ChannelId{"G0INCIDENT"}, "1.2"},
                                 control_panel(id, status, core::UserId{"U0MEMBER1"}, 1)};
                CHECK(round_trip(update) == update);
            }
        }
        SUBCASE("channel creation (the incident's and HR's), invitations and removals") {
            const core::Effect create = core::CreatePrivateChannel{id, "coc-2026-001"};
            const core::Effect create_hr =
                core::CreatePrivateChannel{id, "coc-2026-001-hr", core::ChannelRole::hr};
            CHECK(round_trip(create_hr) == create_hr);
            // A row queued before channels had roles is the incident's.
            CHECK(storage::decode_effect("create_private_channel",
                                         R"({"incident":"2026-001","name":"coc-2026-001"})") ==
                  create);
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
        SUBCASE("archiving a channel and sharing escrowed reports") {
            const core::Effect archive = core::ArchiveChannel{id, core::ChannelId{"G0INCIDENT"}};
            const core::Effect share = core::ShareEscrowedReports{
                id,
                core::ChannelId{"G0INCIDENT"},
                {core::IncidentId{"2025-004"}, core::IncidentId{"2025-009"}}};
            const core::Effect share_none =
                core::ShareEscrowedReports{id, core::ChannelId{"G0INCIDENT"}, {}};

            CHECK(round_trip(archive) == archive);
            CHECK(round_trip(share) == share);
            CHECK(round_trip(share_none) == share_none);
        }
    }

    TEST_CASE(
        "an outbox payload references what people wrote, or keeps it in its sensitive member") {
        const core::IncidentId id{"2026-001"};

        SUBCASE("report details: the incident, not the report") {
            const auto payload = payload_of(core::Post{
                id,
                core::ChannelId{"G0INCIDENT"},
                {},
                core::ReportDetails{id, t0, full_report(id).report, core::UserId{"U0SUBMITTER"}},
                false});
            for (const std::string field :
                 {"Repeated unwelcome comments", "Hall B", "Alex Reporter", "alex@example.org",
                  "U0SUBMITTER", "U0REPORTED", "Sam Example"}) {
                CAPTURE(field);
                CHECK_FALSE(contains(payload, field));
            }
            CHECK(contains(payload, "2026-001"));
        }
        SUBCASE("a motion's question: the motion, not its text") {
            const auto payload = payload_of(
                core::Post{id, core::ChannelId{"G0INCIDENT"}, {}, motion_message(id), true});
            CHECK_FALSE(contains(payload, "workshop on respectful conduct"));
            CHECK(contains(payload, R"("number":2)"));
            CHECK(contains(payload, "U0MEMBER3")); // the tally stays public
        }
        SUBCASE("a timeline: the incident, not its lines") {
            const auto payload =
                payload_of(core::Post{id, core::ChannelId{"G0INCIDENT"}, {}, timeline(id), false});
            for (const std::string field :
                 {"Report filed", "workshop on respectful conduct", "the workshop attended"}) {
                CAPTURE(field);
                CHECK_FALSE(contains(payload, field));
            }
            CHECK(contains(payload, "2026-001"));
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
        SUBCASE("a channel notice that references its quote keeps only the reference") {
            const auto payload = payload_of(
                core::Post{id,
                           core::ChannelId{"G0INCIDENT"},
                           {},
                           core::ChannelNotice{{core::UserId{"U0MEMBER1"}},
                                               "Recorded:",
                                               "the quote",
                                               core::QuoteRef{id, core::QuoteSource::record, 0}},
                           false});
            CHECK_FALSE(contains(payload, "the quote"));
            CHECK_FALSE(contains(payload, "sensitive"));
            CHECK(contains(payload,
                           R"("quoted":{"incident":"2026-001","index":0,"source":"record"})"));
        }
    }

    TEST_CASE(
        "report details of an anonymous report carrying the reporter's identity are refused") {
        const core::IncidentId id{"2026-001"};
        auto details = core::ReportDetails{id, t0, anonymous_report(id).report, {}};

        SUBCASE("the submitter of a report made in Slack, who may be the reporter") {
            details.report.source = core::Source::slack;
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

} // TEST_SUITE
