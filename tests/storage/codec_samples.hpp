// File: tests/storage/codec_samples.hpp
// Events, messages and effects with every field set to something recognisable, shared by the
// codec's tests and the event store's.
#pragma once

#include "storage/effect_codec.hpp"
#include "storage/event_codec.hpp"
#include "tests/support/text.hpp"

#include <array>
#include <chrono>
#include <string>
#include <variant>
#include <vector>

namespace cocbot::storage::testing {

inline const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14

inline constexpr std::array all_message_kinds{core::MessageKind::triage_prompt,
                                              core::MessageKind::danger_alert,
                                              core::MessageKind::report_details,
                                              core::MessageKind::control_panel,
                                              core::MessageKind::escrow_notice,
                                              core::MessageKind::channel_notice,
                                              core::MessageKind::deadline_reminder,
                                              core::MessageKind::notice,
                                              core::MessageKind::motion,
                                              core::MessageKind::timeline,
                                              core::MessageKind::reporter_conflict_prompt,
                                              core::MessageKind::hr_conflict_prompt};

inline constexpr std::array all_statuses{core::Status::none, core::Status::escrowed,
                                         core::Status::triage, core::Status::handed_off,
                                         core::Status::resolved};

inline constexpr std::array all_motion_kinds{
    core::MotionKind::violation, core::MotionKind::plan,   core::MotionKind::consequences,
    core::MotionKind::refusal,   core::MotionKind::custom, core::MotionKind::activate_escrow,
    core::MotionKind::reopen};

inline constexpr std::array all_sources{core::Source::slack,     core::Source::phone,
                                        core::Source::in_person, core::Source::email,
                                        core::Source::web_form,  core::Source::other};

// A report with every field set to something recognisable.
inline core::ReportFiled full_report(const core::IncidentId& id) {
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

inline core::ReportFiled anonymous_report(const core::IncidentId& id) {
    core::ReportFiled filed = full_report(id);
    filed.report.flags.anonymous = true;
    filed.report.reporter_name.clear();
    filed.report.reporter_contact.clear();
    filed.submitted_by = {};
    return filed;
}

inline core::Event round_trip(const core::Event& event) {
    const auto encoded = storage::encode_event(event);
    return storage::decode_event(encoded.type, encoded.data, encoded.sensitive);
}

inline core::Effect round_trip(const core::Effect& effect) {
    const auto encoded = storage::encode_effect(effect);
    return storage::decode_effect(encoded.type, encoded.payload);
}

using cocbot::testing::contains;

inline const core::ImmediateActionRecorded immediate_action{
    core::UserId{"U0MEMBER1"}, "Asked venue security to escort them out of Hall B", t0};

// One of each event that came with private channels, owners, removals and escrow.
inline std::vector<core::Event> channel_events() {
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

// The response's events (motions, HR, conversations, resolution) whose text is what people typed,
// each text recognisable.
inline const core::MotionProposed motion_proposed{
    2, core::MotionKind::plan, "Sam attends a workshop on respectful conduct",
    core::UserId{"U0MEMBER1"}, t0 + std::chrono::hours{3}};
inline const core::HrReported hr_reported{{core::HrFinding::violation,
                                           "Monthly check-ins with their manager",
                                           "A written warning", false},
                                          core::UserId{"U0HR"},
                                          t0 + std::chrono::days{7}};
inline const core::LawEnforcementInvolved law_enforcement{
    "Shared the badge scan log with the police",
    {core::UserId{"U0LEAD1"}, core::UserId{"U0LEAD2"}},
    core::UserId{"U0MEMBER1"},
    t0 + std::chrono::days{1}};
inline const core::ConversationRecorded conversation{
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
inline const core::IncidentResolved resolved{"Warning given and the workshop attended",
                                             core::UserId{"U0MEMBER1"},
                                             t0 + std::chrono::days{30},
                                             "Harassment",
                                             core::ResolutionOutcome::warning,
                                             core::ReportedRole::speaker,
                                             true};

// What the response events below keep secret.
inline const std::array response_secrets{std::string{"workshop on respectful conduct"},
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
inline std::vector<core::Event> response_events() {
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
    events.push_back(core::ReporterConflictAsked{core::UserId{"U0MEMBER3"}, t0});
    events.push_back(core::ReporterConflictCleared{core::UserId{"U0MEMBER3"}, t0});
    events.push_back(core::MemberRemovedFromCommittee{core::UserId{"U0MEMBER3"}, t0});
    events.push_back(core::MemberAddedToCommittee{core::UserId{"U0MEMBER6"}, t0});
    events.push_back(core::HrInvolved{
        core::HrScope::informing, {core::UserId{"U0HR"}}, core::UserId{"U0MEMBER1"}, t0});
    events.push_back(core::HrInvolved{core::HrScope::employees_only,
                                      {core::UserId{"U0HR"}, core::UserId{"U0HR2"}},
                                      core::UserId{"U0MEMBER1"},
                                      t0});
    events.push_back(core::HrInvolved{
        core::HrScope::informing, {core::UserId{"U0HR"}}, core::UserId{"U0MEMBER1"}, t0, true});
    events.push_back(core::HrContactAnswered{core::UserId{"U0HR"}, false, t0});
    events.push_back(core::HrContactAnswered{core::UserId{"U0HR2"}, true, t0});
    events.push_back(core::HrChannelOpened{core::ChannelId{"G0HR"}});
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

inline std::vector<core::Event> secret_events() {
    return {motion_proposed, hr_reported, law_enforcement, conversation, resolved};
}

inline bool has_secret_text(const core::Event& event) {
    return std::holds_alternative<core::MotionProposed>(event) ||
           std::holds_alternative<core::HrReported>(event) ||
           std::holds_alternative<core::LawEnforcementInvolved>(event) ||
           std::holds_alternative<core::ConversationRecorded>(event) ||
           std::holds_alternative<core::IncidentResolved>(event);
}

// A control panel with the fields every panel sets; the others keep their defaults.
inline core::ControlPanel control_panel(const core::IncidentId& id, core::Status status,
                                        const core::UserId& responsible, int cleared) {
    core::ControlPanel panel;
    panel.incident = id;
    panel.status = status;
    panel.responsible = responsible;
    panel.cleared = cleared;
    return panel;
}

inline core::ControlPanel full_panel(const core::IncidentId& id) {
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

inline core::MotionMessage motion_message(const core::IncidentId& id) {
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

inline core::Timeline timeline(const core::IncidentId& id) {
    return {id,
            {{t0, {}, "Report filed (via phone)"},
             {t0 + std::chrono::hours{3}, core::UserId{"U0MEMBER1"},
              "proposed motion 2: Sam attends a workshop on respectful conduct"},
             {t0 + std::chrono::days{30}, core::UserId{"U0MEMBER1"},
              "resolved the incident: Warning given and the workshop attended"}}};
}

} // namespace cocbot::storage::testing
