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

constexpr std::array all_message_kinds{core::MessageKind::triage_prompt,
                                       core::MessageKind::danger_alert,
                                       core::MessageKind::report_details,
                                       core::MessageKind::control_panel,
                                       core::MessageKind::escrow_notice,
                                       core::MessageKind::channel_notice,
                                       core::MessageKind::deadline_reminder,
                                       core::MessageKind::notice,
                                       core::MessageKind::motion,
                                       core::MessageKind::timeline};

constexpr std::array all_statuses{core::Status::none, core::Status::escrowed, core::Status::triage,
                                  core::Status::handed_off, core::Status::resolved};

constexpr std::array all_motion_kinds{
    core::MotionKind::violation, core::MotionKind::plan,   core::MotionKind::consequences,
    core::MotionKind::refusal,   core::MotionKind::custom, core::MotionKind::activate_escrow,
    core::MotionKind::reopen};

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

// The issue 4 events whose text is what people typed, each text recognisable.
const core::MotionProposed motion_proposed{2, core::MotionKind::plan,
                                           "Sam attends a workshop on respectful conduct",
                                           core::UserId{"U0MEMBER1"}, t0 + std::chrono::hours{3}};
const core::HrReported hr_reported{{core::HrFinding::violation,
                                    "Monthly check-ins with their manager", "A written warning",
                                    false},
                                   core::UserId{"U0HR"},
                                   t0 + std::chrono::days{7}};
const core::LawEnforcementInvolved law_enforcement{
    "Shared the badge scan log with the police",
    {core::UserId{"U0LEAD1"}, core::UserId{"U0LEAD2"}},
    core::UserId{"U0MEMBER1"},
    t0 + std::chrono::days{1}};
const core::ConversationRecorded conversation{
    {{core::UserId{"U0MEMBER1"}, core::UserId{"U0MEMBER2"}},
     "Comments about appearance at the keynote",
     "It was their first conference",
     "The reporter left the event early",
     "We know you care about this community",
     "No comments about appearance; a workshop",
     true,
     core::Apology::relayed},
    core::UserId{"U0MEMBER1"},
    t0 + std::chrono::days{2}};
const core::IncidentResolved resolved{"Warning given and the workshop attended",
                                      core::UserId{"U0MEMBER1"}, t0 + std::chrono::days{30}};

// What the issue 4 events above keep secret.
const std::array issue4_secrets{std::string{"workshop on respectful conduct"},
                                std::string{"Monthly check-ins"},
                                std::string{"A written warning"},
                                std::string{"badge scan log"},
                                std::string{"appearance at the keynote"},
                                std::string{"first conference"},
                                std::string{"left the event early"},
                                std::string{"care about this community"},
                                std::string{"a workshop"},
                                std::string{"the workshop attended"}};

// One of each event that came with motions, HR, law enforcement, conversations and resolution,
// with every value of their enumerations.
std::vector<core::Event> issue4_events() {
    std::vector<core::Event> events;
    int number = 0;
    for (const auto kind : all_motion_kinds)
        events.push_back(core::MotionProposed{++number, kind, "Question " + std::to_string(number),
                                              core::UserId{"U0MEMBER1"}, t0});
    events.push_back(motion_proposed);
    events.push_back(core::MotionProposed{8, core::MotionKind::violation, "", {}, t0});
    events.push_back(core::BallotCast{1, core::UserId{"U0MEMBER2"}, true, t0});
    events.push_back(core::BallotCast{1, core::UserId{"U0MEMBER2"}, false, t0});
    events.push_back(core::MotionDecided{1, true, 3, 1, 5, t0});
    events.push_back(core::MotionDecided{2, false, 0, 2, 2, t0});
    events.push_back(core::MemberLeftChannel{core::UserId{"U0MEMBER3"}, t0});
    events.push_back(core::MemberReturned{core::UserId{"U0MEMBER3"}, t0});
    events.push_back(core::HrInvolved{
        core::HrScope::informing, {core::UserId{"U0HR"}}, core::UserId{"U0MEMBER1"}, t0});
    events.push_back(core::HrInvolved{core::HrScope::employees_only,
                                      {core::UserId{"U0HR"}, core::UserId{"U0HR2"}},
                                      core::UserId{"U0MEMBER1"},
                                      t0});
    events.push_back(core::HrDropped{core::UserId{"U0MEMBER2"}, t0});
    events.push_back(hr_reported);
    events.push_back(core::HrReported{{core::HrFinding::no_violation, "", "", true}, {}, t0});
    events.push_back(core::HrReported{
        {core::HrFinding::undetermined, "p", "c", false}, core::UserId{"U0MEMBER2"}, t0});
    events.push_back(law_enforcement);
    events.push_back(conversation);
    for (const auto apology : {core::Apology::none, core::Apology::not_relayed}) {
        auto other = conversation;
        other.conversation.context.clear();
        other.conversation.call_in.clear();
        other.conversation.accepted = false;
        other.conversation.apology = apology;
        events.push_back(other);
    }
    events.push_back(resolved);
    events.push_back(core::IncidentReopened{9, t0 + std::chrono::days{40}});
    return events;
}

std::vector<core::Event> secret_events() {
    return {motion_proposed, hr_reported, law_enforcement, conversation, resolved};
}

bool has_secret_text(const core::Event& event) {
    return std::holds_alternative<core::MotionProposed>(event) ||
           std::holds_alternative<core::HrReported>(event) ||
           std::holds_alternative<core::LawEnforcementInvolved>(event) ||
           std::holds_alternative<core::ConversationRecorded>(event) ||
           std::holds_alternative<core::IncidentResolved>(event);
}

// A control panel with the fields every panel sets; the others keep their defaults.
core::ControlPanel control_panel(const core::IncidentId& id, core::Status status,
                                 const core::UserId& responsible, int cleared) {
    core::ControlPanel panel;
    panel.incident = id;
    panel.status = status;
    panel.responsible = responsible;
    panel.cleared = cleared;
    return panel;
}

core::ControlPanel full_panel(const core::IncidentId& id) {
    auto panel = control_panel(id, core::Status::handed_off, core::UserId{"U0MEMBER1"}, 4);
    panel.primary_owner = core::UserId{"U0MEMBER1"};
    panel.secondary_owner = core::UserId{"U0MEMBER2"};
    panel.awaiting_acknowledgement = true;
    panel.reported_missing = true;
    panel.reporter_reachable = false;
    panel.open_motions = 2;
    panel.hr_configured = true;
    panel.hr_involved = core::HrScope::employees_only;
    panel.hr_declined = true;
    panel.escrow_pending = true;
    return panel;
}

core::MotionMessage motion_message(const core::IncidentId& id) {
    return {id,
            2,
            core::MotionKind::plan,
            motion_proposed.text,
            core::UserId{"U0MEMBER1"},
            {{core::UserId{"U0MEMBER1"}, core::UserId{"U0MEMBER3"}},
             {core::UserId{"U0MEMBER2"}},
             5,
             3,
             core::MotionResult::open}};
}

core::Timeline timeline(const core::IncidentId& id) {
    return {id,
            {{t0, {}, "Report filed (via phone)"},
             {t0 + std::chrono::hours{3}, core::UserId{"U0MEMBER1"},
              "proposed motion 2: Sam attends a workshop on respectful conduct"},
             {t0 + std::chrono::days{30}, core::UserId{"U0MEMBER1"},
              "resolved the incident: Warning given and the workshop attended"}}};
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
        SUBCASE("a posted motion message, with its motion's number") {
            const core::Event posted = core::MessagePosted{
                {core::ChannelId{"G0INCIDENT"}, "1712345678.000200"}, core::MessageKind::motion, 3};
            CHECK(round_trip(posted) == posted);
        }
        SUBCASE("motions, ballots, members away and back, HR, law enforcement, conversations, "
                "resolution and re-opening") {
            for (const auto& event : issue4_events()) {
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
        const std::string key = R"("escrow_matches":[],)";
        const auto at = encoded.data.find(key);
        REQUIRE(at != std::string::npos);
        encoded.data.erase(at, key.size());

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

    TEST_CASE("a control panel queued before issue 4 decodes with the new fields' defaults") {
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

    TEST_CASE("issue 4's types and values are stored under stable snake_case names") {
        const auto type_of = [](const core::Event& event) {
            return storage::encode_event(event).type;
        };
        CHECK(type_of(motion_proposed) == "motion_proposed");
        CHECK(type_of(core::BallotCast{}) == "ballot_cast");
        CHECK(type_of(core::MotionDecided{}) == "motion_decided");
        CHECK(type_of(core::MemberLeftChannel{}) == "member_left_channel");
        CHECK(type_of(core::MemberReturned{}) == "member_returned");
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
        const core::Message channel_notice =
            core::ChannelNotice{{core::UserId{"U0MEMBER1"}, core::UserId{"U0MEMBER2"}},
                                "<@U0MEMBER3> recorded an immediate action:",
                                "Asked *venue security* to <escort> them out"};
        const core::Message plain_notice = core::ChannelNotice{{}, "Nobody to mention", ""};
        auto awaiting = control_panel(id, core::Status::triage, {}, 1);
        awaiting.awaiting_acknowledgement = true;
        awaiting.reported_missing = true;
        awaiting.reporter_reachable = false;
        const core::Message awaiting_panel = awaiting;
        const core::Message reminder = core::DeadlineReminder{
            id, core::ReminderKind::acknowledge_due, t0, {core::UserId{"U0MEMBER1"}}};
        const core::Message issue4_panel = full_panel(id);
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

        for (const auto& message :
             {prompt, alert, notice, details, anonymous_details, panel, unowned_panel, escrow,
              channel_notice, plain_notice, awaiting_panel, reminder, issue4_panel, informing_panel,
              open_motion, decided_motion, passed_motion, record, empty_record}) {
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
                const core::Effect update =
                    core::Update{id,
                                 {core::ChannelId{"G0INCIDENT"}, "1.2"},
                                 control_panel(id, status, core::UserId{"U0MEMBER1"}, 1)};
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
        SUBCASE("a motion's question") {
            const auto payload =
                split(core::Post{id, core::ChannelId{"G0INCIDENT"}, {}, motion_message(id), true});
            CHECK(contains(payload.sensitive, "workshop on respectful conduct"));
            CHECK_FALSE(contains(payload.rest, "workshop on respectful conduct"));
            CHECK(contains(payload.rest, "U0MEMBER3")); // the tally stays public
        }
        SUBCASE("a timeline's lines") {
            const auto payload =
                split(core::Post{id, core::ChannelId{"G0INCIDENT"}, {}, timeline(id), false});
            for (const std::string field :
                 {"Report filed", "workshop on respectful conduct", "the workshop attended"}) {
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
        for (const auto& event : issue4_events()) {
            CAPTURE(event.index());
            CHECK(storage::encode_event(event).sensitive.has_value() == has_secret_text(event));
        }
    }

    TEST_CASE("what people typed in issue 4's events is encoded apart from their public data") {
        std::string data, sensitive;
        for (const auto& event : secret_events()) {
            const auto encoded = storage::encode_event(event);
            REQUIRE(encoded.sensitive.has_value());
            data += encoded.data;
            sensitive += *encoded.sensitive;
        }

        for (const auto& secret : issue4_secrets) {
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
        SUBCASE("issue 4's events without their secret part") {
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

    TEST_CASE("issue 4's sensitive fields are stored only in event_secrets") {
        storage::Database db(":memory:");
        const core::IncidentId id{"2026-001"};
        file(db, id, 2026, 1, {full_report(id)});
        append(db, id, issue4_events());

        std::string data;
        SQLite::Statement rows(db.sql(), "SELECT type, data FROM events");
        while (rows.executeStep())
            data += rows.getColumn(0).getString() + " " + rows.getColumn(1).getString() + "\n";
        std::string secrets;
        SQLite::Statement secret_rows(db.sql(), "SELECT data FROM event_secrets");
        while (secret_rows.executeStep())
            secrets += secret_rows.getColumn(0).getString() + "\n";

        for (const auto& secret : issue4_secrets) {
            CAPTURE(secret);
            CHECK_FALSE(contains(data, secret));
            CHECK(contains(secrets, secret));
        }
        auto expected = std::vector<core::Event>{full_report(id)};
        const auto later = issue4_events();
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
