// File: tests/storage/stored_rows_test.cpp
// Rows exactly as cocbot wrote them before the codec was driven by field descriptions: they must
// decode to the same values, and encoding those values must give the same rows back (except the
// messages that now reference their text instead of holding it).
#include "storage/effect_codec.hpp"
#include "storage/event_codec.hpp"

#include <chrono>
#include <cstddef>
#include <doctest/doctest.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace cocbot;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14
const core::IncidentId id{"2026-001"};
const core::UserId member{"U0MEMBER1"};
const core::UserId other{"U0MEMBER2"};
const core::ChannelId channel{"G0INCIDENT"};

core::Report full_report() {
    return {{core::UserId{"U0REPORTED"}, "Sam Example"},
            "Unwelcome comments",
            "Hall B",
            "Alex",
            "alex@example.org",
            core::Source::phone,
            {false, true, true, false, true}};
}

core::Report anonymous_report() {
    auto report = full_report();
    report.flags.anonymous = true;
    report.reporter_name.clear();
    report.reporter_contact.clear();
    return report;
}

core::Conversation conversation() {
    return {{member, other}, "behaviour", "context", "impact",
            "call in",       "plan",      true,      core::Apology::relayed};
}

std::vector<core::Event> sample_events() {
    return {
        core::ReportFiled{id,
                          t0,
                          full_report(),
                          core::UserId{"U0SUBMITTER"},
                          {member, other},
                          core::ChannelId{"C0COMMITTEE"},
                          true,
                          {core::IncidentId{"2025-004"}}},
        core::ReportFiled{
            id, t0, anonymous_report(), {}, {member}, core::ChannelId{"C0COMMITTEE"}, false, {}},
        core::ConflictDeclared{member, true, t0},
        core::MessagePosted{{channel, "1700000000.000100"}, core::MessageKind::motion, 3},
        core::ChannelOpened{channel},
        core::OwnerNamed{core::OwnerRole::secondary, member, other, t0},
        core::UnclearedMemberFound{other, t0},
        core::RemovalRefused{other, "restricted_action", t0},
        core::ImmediateActionRecorded{member, "Called security", t0},
        core::EscrowActivated{{core::IncidentId{"2025-004"}}, member, t0},
        core::ReporterAcknowledged{member, t0},
        core::ReminderSent{core::ReminderKind::conflict_nudge, other, t0},
        core::ReportedPersonMissing{true, member, t0},
        core::ReporterFollowedUp{member, "Told them", true, t0},
        core::MotionProposed{2, core::MotionKind::plan, "A workshop", member, t0},
        core::BallotCast{2, other, true, t0},
        core::MotionDecided{2, true, 3, 1, 5, t0},
        core::MemberLeftChannel{other, t0},
        core::MemberReturned{other, t0},
        core::HrInvolved{core::HrScope::employees_only, {core::UserId{"U0HR"}}, member, t0},
        core::HrDropped{member, t0},
        core::HrReported{{core::HrFinding::no_violation, "check-ins", "a warning", false},
                         core::UserId{"U0HR"},
                         t0},
        core::LawEnforcementInvolved{"badge log", {core::UserId{"U0LEAD"}}, member, t0},
        core::ConversationRecorded{conversation(), member, t0},
        core::IncidentResolved{"Warning given", member, t0, {}},
        core::IncidentReopened{4, t0},
    };
}

core::ControlPanel full_panel() {
    return {id,   core::Status::handed_off, member, other, member, 4, true, true, false, 2,
            true, core::HrScope::informing, true,   true};
}

core::Tally tally() {
    return {{member}, {other}, 5, 3, core::MotionResult::rejected};
}

std::vector<core::Message> sample_messages() {
    return {
        core::TriagePrompt{id, {core::UserId{"U0REPORTED"}, "Sam"}, core::Source::email, 2, 5},
        core::DangerAlert{id, "Hall B", {"+1 555 0100", "+1 555 0199"}},
        core::ReportDetails{id, t0, full_report(), core::UserId{"U0SUBMITTER"}},
        core::ReportDetails{id, t0, anonymous_report(), {}},
        full_panel(),
        core::ControlPanel{id, core::Status::triage, {}, {}, member, 1},
        core::EscrowNotice{id, 2},
        core::ChannelNotice{
            {member, other}, core::mention(member) + " took immediate action:", "Called"},
        core::DeadlineReminder{id, core::ReminderKind::decision_overdue, t0, {member}},
        core::Notice{"Recorded."},
        core::MotionMessage{id, 2, core::MotionKind::refusal, "A workshop", member, tally()},
        core::Timeline{id, {{t0, member, "proposed motion 2:", "A workshop"}, {t0, {}, "filed"}}},
    };
}

std::vector<core::Effect> sample_effects() {
    std::vector<core::Effect> effects;
    for (const auto& message : sample_messages())
        effects.push_back(core::Post{id, channel, {}, message, true});
    effects.push_back(core::Post{{}, {}, other, core::Notice{"Hello"}, false});
    effects.push_back(core::Update{id, {channel, "1700000000.000100"}, full_panel()});
    effects.push_back(core::Ephemeral{channel, member, core::Notice{"Only you"}});
    effects.push_back(core::CreatePrivateChannel{id, "coc-2026-001"});
    effects.push_back(core::Invite{id, channel, member});
    effects.push_back(core::Remove{id, channel, other});
    effects.push_back(core::ArchiveChannel{id, channel});
    effects.push_back(core::ShareEscrowedReports{
        id, channel, {core::IncidentId{"2025-004"}, core::IncidentId{}}});
    return effects;
}

// Captured from the hand-written codec (before the field descriptions), in the order of
// sample_events(): type, data, sensitive.
const std::vector<storage::EncodedEvent> stored_events{
    {R"(report_filed)",
     R"({"at":1773446400,"committee":["U0MEMBER1","U0MEMBER2"],"committee_channel":"C0COMMITTEE","escrow_matches":["2025-004"],"flags":{"anonymous":false,"escrow":true,"immediate_danger":true,"involves_employee":false,"no_updates":true},"incident":"2026-001","reported":{"name":"Sam Example","user":"U0REPORTED"},"reported_is_member":true,"source":"phone"})",
     R"({"description":"Unwelcome comments","location":"Hall B","reporter_contact":"alex@example.org","reporter_name":"Alex","submitted_by":"U0SUBMITTER"})"},
    {R"(report_filed)",
     R"({"at":1773446400,"committee":["U0MEMBER1"],"committee_channel":"C0COMMITTEE","escrow_matches":[],"flags":{"anonymous":true,"escrow":true,"immediate_danger":true,"involves_employee":false,"no_updates":true},"incident":"2026-001","reported":{"name":"Sam Example","user":"U0REPORTED"},"reported_is_member":false,"source":"phone"})",
     R"({"description":"Unwelcome comments","location":"Hall B"})"},
    {R"(conflict_declared)", R"({"at":1773446400,"conflicted":true,"member":"U0MEMBER1"})",
     std::nullopt},
    {R"(message_posted)",
     R"({"kind":"motion","message":{"channel":"G0INCIDENT","ts":"1700000000.000100"},"motion":3})",
     std::nullopt},
    {R"(channel_opened)", R"({"channel":"G0INCIDENT"})", std::nullopt},
    {R"(owner_named)",
     R"({"at":1773446400,"by":"U0MEMBER2","owner":"U0MEMBER1","role":"secondary"})", std::nullopt},
    {R"(uncleared_member_found)", R"({"at":1773446400,"user":"U0MEMBER2"})", std::nullopt},
    {R"(removal_refused)", R"({"at":1773446400,"error":"restricted_action","user":"U0MEMBER2"})",
     std::nullopt},
    {R"(immediate_action_recorded)", R"({"at":1773446400,"by":"U0MEMBER1"})",
     R"({"action":"Called security"})"},
    {R"(escrow_activated)", R"({"at":1773446400,"by":"U0MEMBER1","escrowed":["2025-004"]})",
     std::nullopt},
    {R"(reporter_acknowledged)", R"({"at":1773446400,"by":"U0MEMBER1"})", std::nullopt},
    {R"(reminder_sent)", R"({"at":1773446400,"kind":"conflict_nudge","member":"U0MEMBER2"})",
     std::nullopt},
    {R"(reported_person_missing)", R"({"at":1773446400,"by":"U0MEMBER1","missing":true})",
     std::nullopt},
    {R"(reporter_followed_up)", R"({"at":1773446400,"by":"U0MEMBER1","decision":true})",
     R"({"note":"Told them"})"},
    {R"(motion_proposed)", R"({"at":1773446400,"by":"U0MEMBER1","kind":"plan","motion":2})",
     R"({"text":"A workshop"})"},
    {R"(ballot_cast)", R"({"at":1773446400,"motion":2,"voter":"U0MEMBER2","yes":true})",
     std::nullopt},
    {R"(motion_decided)",
     R"({"at":1773446400,"electorate":5,"motion":2,"no":1,"passed":true,"yes":3})", std::nullopt},
    {R"(member_left_channel)", R"({"at":1773446400,"user":"U0MEMBER2"})", std::nullopt},
    {R"(member_returned)", R"({"at":1773446400,"user":"U0MEMBER2"})", std::nullopt},
    {R"(hr_involved)",
     R"({"at":1773446400,"by":"U0MEMBER1","contacts":["U0HR"],"scope":"employees_only"})",
     std::nullopt},
    {R"(hr_dropped)", R"({"at":1773446400,"by":"U0MEMBER1"})", std::nullopt},
    {R"(hr_reported)",
     R"({"at":1773446400,"by":"U0HR","finding":"no_violation","taking_action":false})",
     R"({"consequences":"a warning","plan":"check-ins"})"},
    {R"(law_enforcement_involved)", R"({"at":1773446400,"by":"U0MEMBER1","notified":["U0LEAD"]})",
     R"({"note":"badge log"})"},
    {R"(conversation_recorded)",
     R"({"accepted":true,"apology":"relayed","at":1773446400,"by":"U0MEMBER1","talkers":["U0MEMBER1","U0MEMBER2"]})",
     R"({"behaviour":"behaviour","call_in":"call in","context":"context","impact":"impact","plan":"plan"})"},
    {R"(incident_resolved)", R"({"at":1773446400,"by":"U0MEMBER1"})",
     R"({"resolution":"Warning given"})"},
    {R"(incident_reopened)", R"({"at":1773446400,"motion":4})", std::nullopt},
};

// Captured likewise, in the order of sample_effects(): type, payload.
const std::vector<storage::EncodedEffect>
    stored_effects{
        {R"(post)",
         R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"answered":2,"committee_size":5,"incident":"2026-001","reported":{"name":"Sam","user":"U0REPORTED"},"source":"email","type":"triage_prompt"},"remember":true,"to_user":""})"},
        {R"(post)",
         R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"incident":"2026-001","location":"Hall B","safety":{"crisis_line":"+1 555 0199","venue_security":"+1 555 0100"},"type":"danger_alert"},"remember":true,"to_user":""})"},
        {R"(post)",
         R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"filed_at":1773446400,"incident":"2026-001","sensitive":{"report":{"description":"Unwelcome comments","flags":{"anonymous":false,"escrow":true,"immediate_danger":true,"involves_employee":false,"no_updates":true},"location":"Hall B","reported":{"name":"Sam Example","user":"U0REPORTED"},"reporter_contact":"alex@example.org","reporter_name":"Alex","source":"phone"},"submitted_by":"U0SUBMITTER"},"type":"report_details"},"remember":true,"to_user":""})"},
        {R"(post)",
         R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"filed_at":1773446400,"incident":"2026-001","sensitive":{"report":{"description":"Unwelcome comments","flags":{"anonymous":true,"escrow":true,"immediate_danger":true,"involves_employee":false,"no_updates":true},"location":"Hall B","reported":{"name":"Sam Example","user":"U0REPORTED"},"source":"phone"}},"type":"report_details"},"remember":true,"to_user":""})"},
        {R"(post)",
         R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"awaiting_acknowledgement":true,"cleared":4,"escrow_pending":true,"hr_configured":true,"hr_declined":true,"hr_involved":"informing","incident":"2026-001","open_motions":2,"primary_owner":"U0MEMBER1","reported_missing":true,"reporter_reachable":false,"responsible":"U0MEMBER1","secondary_owner":"U0MEMBER2","status":"handed_off","type":"control_panel"},"remember":true,"to_user":""})"},
        {R"(post)",
         R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"awaiting_acknowledgement":false,"cleared":1,"escrow_pending":false,"hr_configured":false,"hr_declined":false,"hr_involved":null,"incident":"2026-001","open_motions":0,"primary_owner":"","reported_missing":false,"reporter_reachable":true,"responsible":"U0MEMBER1","secondary_owner":"","status":"triage","type":"control_panel"},"remember":true,"to_user":""})"},
        {R"(post)",
         R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"count":2,"incident":"2026-001","type":"escrow_notice"},"remember":true,"to_user":""})"},
        {R"(post)",
         R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"mention":["U0MEMBER1","U0MEMBER2"],"sensitive":{"quote":"Called"},"text":"<@U0MEMBER1> took immediate action:","type":"channel_notice"},"remember":true,"to_user":""})"},
        {R"(post)",
         R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"due":1773446400,"incident":"2026-001","kind":"decision_overdue","mention":["U0MEMBER1"],"type":"deadline_reminder"},"remember":true,"to_user":""})"},
        {R"(post)",
         R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"text":"Recorded.","type":"notice"},"remember":true,"to_user":""})"},
        {R"(post)",
         R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"incident":"2026-001","kind":"refusal","number":2,"proposed_by":"U0MEMBER1","sensitive":{"text":"A workshop"},"tally":{"electorate":5,"needed":3,"no":["U0MEMBER2"],"result":"rejected","yes":["U0MEMBER1"]},"type":"motion"},"remember":true,"to_user":""})"},
        {R"(post)",
         R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"incident":"2026-001","sensitive":{"lines":[{"at":1773446400,"quote":"A workshop","what":"proposed motion 2:","who":"U0MEMBER1"},{"at":1773446400,"quote":"","what":"filed","who":""}]},"type":"timeline"},"remember":true,"to_user":""})"},
        {R"(post)",
         R"({"channel":"","incident":"","message":{"text":"Hello","type":"notice"},"remember":false,"to_user":"U0MEMBER2"})"},
        {R"(update)",
         R"({"incident":"2026-001","message":{"awaiting_acknowledgement":true,"cleared":4,"escrow_pending":true,"hr_configured":true,"hr_declined":true,"hr_involved":"informing","incident":"2026-001","open_motions":2,"primary_owner":"U0MEMBER1","reported_missing":true,"reporter_reachable":false,"responsible":"U0MEMBER1","secondary_owner":"U0MEMBER2","status":"handed_off","type":"control_panel"},"target":{"channel":"G0INCIDENT","ts":"1700000000.000100"}})"},
        {R"(ephemeral)",
         R"({"channel":"G0INCIDENT","message":{"text":"Only you","type":"notice"},"user":"U0MEMBER1"})"},
        {R"(create_private_channel)", R"({"incident":"2026-001","name":"coc-2026-001"})"},
        {R"(invite)", R"({"channel":"G0INCIDENT","incident":"2026-001","user":"U0MEMBER1"})"},
        {R"(remove)", R"({"channel":"G0INCIDENT","incident":"2026-001","user":"U0MEMBER2"})"},
        {R"(archive_channel)", R"({"channel":"G0INCIDENT","incident":"2026-001"})"},
        {R"(share_escrowed_reports)",
         R"({"channel":"G0INCIDENT","escrowed":["2025-004",""],"incident":"2026-001"})"},
    };

// What is written now instead, by index into stored_effects: the messages that reference the text
// they show (the report, a motion's question, the record) rather than hold it, and cocbot's own
// words, kept as parts rather than as one string with Slack's markup in it; and whose channel a
// new one is (the incident's, or HR's).
const std::map<std::size_t, std::string> written_now{
    {2,
     R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"filed_at":1773446400,"incident":"2026-001","type":"report_details"},"remember":true,"to_user":""})"},
    {3,
     R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"filed_at":1773446400,"incident":"2026-001","type":"report_details"},"remember":true,"to_user":""})"},
    {7,
     R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"mention":["U0MEMBER1","U0MEMBER2"],"sensitive":{"quote":"Called"},"text":[{"user":"U0MEMBER1"}," took immediate action:"],"type":"channel_notice"},"remember":true,"to_user":""})"},
    {9,
     R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"text":["Recorded."],"type":"notice"},"remember":true,"to_user":""})"},
    {10,
     R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"incident":"2026-001","kind":"refusal","number":2,"proposed_by":"U0MEMBER1","tally":{"electorate":5,"needed":3,"no":["U0MEMBER2"],"result":"rejected","yes":["U0MEMBER1"]},"type":"motion"},"remember":true,"to_user":""})"},
    {11,
     R"({"channel":"G0INCIDENT","incident":"2026-001","message":{"incident":"2026-001","type":"timeline"},"remember":true,"to_user":""})"},
    {12,
     R"({"channel":"","incident":"","message":{"text":["Hello"],"type":"notice"},"remember":false,"to_user":"U0MEMBER2"})"},
    {14,
     R"({"channel":"G0INCIDENT","message":{"text":["Only you"],"type":"notice"},"user":"U0MEMBER1"})"},
    {15, R"({"incident":"2026-001","name":"coc-2026-001","role":"incident"})"},
};

// Events written now instead, by index into stored_events: whom a report names, what that
// matched, and its flags are sealed with the rest of what it says (a database's old rows are
// moved at its next start).
const std::map<std::size_t, storage::EncodedEvent> events_written_now{
    {0,
     {R"(report_filed)",
      R"({"at":1773446400,"committee":["U0MEMBER1","U0MEMBER2"],"committee_channel":"C0COMMITTEE","incident":"2026-001","source":"phone"})",
      R"({"description":"Unwelcome comments","escrow_matches":["2025-004"],"flags":{"anonymous":false,"escrow":true,"immediate_danger":true,"involves_employee":false,"no_updates":true},"location":"Hall B","reported":{"name":"Sam Example","user":"U0REPORTED"},"reported_is_member":true,"reporter_contact":"alex@example.org","reporter_name":"Alex","submitted_by":"U0SUBMITTER"})"}},
    {1,
     {R"(report_filed)",
      R"({"at":1773446400,"committee":["U0MEMBER1"],"committee_channel":"C0COMMITTEE","incident":"2026-001","source":"phone"})",
      R"({"description":"Unwelcome comments","escrow_matches":[],"flags":{"anonymous":true,"escrow":true,"immediate_danger":true,"involves_employee":false,"no_updates":true},"location":"Hall B","reported":{"name":"Sam Example","user":"U0REPORTED"},"reported_is_member":false})"}},
    // A resolution also says what the transparency report counts (older rows: not recorded).
    {24,
     {R"(incident_resolved)",
      R"({"at":1773446400,"by":"U0MEMBER1","cannot_anonymise":false,"category":"","outcome":"unrecorded","role":"unrecorded"})",
      R"({"resolution":"Warning given"})"}},
};

} // namespace

TEST_SUITE("storage stored rows") {

    TEST_CASE("events stored by earlier versions decode to the same values") {
        const auto events = sample_events();
        REQUIRE(events.size() == stored_events.size());
        for (std::size_t i = 0; i < events.size(); ++i) {
            const auto& row = stored_events[i];
            CAPTURE(row.type);
            CHECK(storage::decode_event(row.type, row.data, row.sensitive) == events[i]);
            const auto now = events_written_now.find(i);
            CHECK(storage::encode_event(events[i]) ==
                  (now == events_written_now.end() ? row : now->second));
            if (now != events_written_now.end())
                CHECK(storage::decode_event(row.type, now->second.data, now->second.sensitive) ==
                      events[i]);
        }
    }

    TEST_CASE("effects stored by earlier versions decode to the same values") {
        const auto effects = sample_effects();
        REQUIRE(effects.size() == stored_effects.size());
        for (std::size_t i = 0; i < effects.size(); ++i) {
            const auto& row = stored_effects[i];
            CAPTURE(row.payload);
            CHECK(storage::decode_effect(row.type, row.payload) == effects[i]);
            const auto now = written_now.find(i);
            CHECK(storage::encode_effect(effects[i]) ==
                  storage::EncodedEffect{row.type,
                                         now == written_now.end() ? row.payload : now->second});
        }
    }
}
