// File: storage/codec/messages.cpp
// One description per message type, and the names messages are stored under.
#include "storage/codec/messages.hpp"

#include "storage/codec/values.hpp"

#include <string>

namespace cocbot::storage::codec {

// The type names written into every database: add new ones, never rename one.
// clang-format off
constexpr std::string_view stored_name(tag<core::TriagePrompt>)     { return "triage_prompt"; }
constexpr std::string_view stored_name(tag<core::DangerAlert>)      { return "danger_alert"; }
constexpr std::string_view stored_name(tag<core::ReportDetails>)    { return "report_details"; }
constexpr std::string_view stored_name(tag<core::ControlPanel>)     { return "control_panel"; }
constexpr std::string_view stored_name(tag<core::EscrowNotice>)     { return "escrow_notice"; }
constexpr std::string_view stored_name(tag<core::ChannelNotice>)    { return "channel_notice"; }
constexpr std::string_view stored_name(tag<core::DeadlineReminder>) { return "deadline_reminder"; }
constexpr std::string_view stored_name(tag<core::Notice>)           { return "notice"; }
constexpr std::string_view stored_name(tag<core::MotionMessage>)    { return "motion"; }
constexpr std::string_view stored_name(tag<core::Timeline>)         { return "timeline"; }
constexpr std::string_view stored_name(tag<core::ReporterConflictPrompt>) { return "reporter_conflict_prompt"; }
constexpr std::string_view stored_name(tag<core::HrConflictPrompt>) { return "hr_conflict_prompt"; }
constexpr std::string_view stored_name(tag<core::CommitteeBallot>)  { return "committee_ballot"; }
constexpr std::string_view stored_name(tag<core::CheckInPrompt>)    { return "check_in"; }
constexpr std::string_view stored_name(tag<core::OffboardChecklist>) { return "offboard_checklist"; }
constexpr std::string_view stored_name(tag<core::Farewell>)         { return "farewell"; }
constexpr std::string_view stored_name(tag<core::VeiledReport>)     { return "veiled_report"; }
// clang-format on

constexpr auto description(tag<core::TriagePrompt>) {
    using T = core::TriagePrompt;
    return describe(field("incident", &T::incident), field("reported", &T::reported),
                    field("source", &T::source), field("answered", &T::answered),
                    field("committee_size", &T::committee_size),
                    field("pattern", &T::pattern, Place::data, Presence::omitted_when_empty));
}

constexpr auto description(tag<core::DangerAlert>) {
    using T = core::DangerAlert;
    return describe(
        field("incident", &T::incident), field("location", &T::location),
        field("safety", &T::safety),
        field("responding", &T::responding, Place::data, Presence::omitted_when_empty),
        sealed("whereabouts", &T::whereabouts, Presence::no_longer_written),
        sealed("appearance", &T::appearance, Presence::no_longer_written),
        field("wants_police", &T::wants_police, Place::data, Presence::omitted_when_empty));
}

// Messages that show what people wrote reference it: the outbox keeps the incident (and the
// motion's number), and the executor reads the text from the incident's events when it posts,
// so that the text is stored once, with the events. Rows queued by earlier versions still hold
// it, in their "sensitive" member, and decode with it.
constexpr auto loaded = Presence::no_longer_written;

// The whole report and who submitted it, read from the incident's ReportFiled.
constexpr auto description(tag<core::ReportDetails>) {
    using T = core::ReportDetails;
    return describe(field("incident", &T::incident), field("filed_at", &T::filed_at),
                    sealed("report", &T::report, loaded),
                    sealed("submitted_by", &T::submitted_by, loaded));
}

void check_storable(tag<core::ReportDetails>, const core::ReportDetails& details) {
    refuse_identity_if_anonymous(details.report, details.submitted_by);
}

// Fields after `cleared` came later: payloads queued before them decode with their defaults.
constexpr auto description(tag<core::ControlPanel>) {
    using T = core::ControlPanel;
    constexpr auto later = Presence::optional;
    return describe(
        field("incident", &T::incident), field("status", &T::status),
        field("primary_owner", &T::primary_owner), field("secondary_owner", &T::secondary_owner),
        field("responsible", &T::responsible), field("cleared", &T::cleared),
        field("awaiting_acknowledgement", &T::awaiting_acknowledgement, Place::data, later),
        field("reported_missing", &T::reported_missing, Place::data, later),
        field("reporter_reachable", &T::reporter_reachable, Place::data, later),
        field("open_motions", &T::open_motions, Place::data, later),
        field("hr_configured", &T::hr_configured, Place::data, later),
        field("hr_involved", &T::hr_involved, Place::data, later),
        field("hr_declined", &T::hr_declined, Place::data, later),
        field("escrow_pending", &T::escrow_pending, Place::data, later),
        field("name_matched", &T::name_matched, Place::data, Presence::omitted_when_empty),
        field("kept", &T::kept, Place::data, Presence::omitted_when_empty));
}

constexpr auto description(tag<core::EscrowNotice>) {
    using T = core::EscrowNotice;
    return describe(field("incident", &T::incident), field("count", &T::count));
}

constexpr auto description(tag<core::QuoteRef>) {
    using T = core::QuoteRef;
    return describe(field("incident", &T::incident), field("source", &T::source),
                    field("index", &T::index));
}

// `quote` is what a person typed (an immediate action, say): sensitive, like the event it echoes.
// Core refers to where the incident keeps it, and then only the reference is written; notices
// queued by earlier versions hold the quote itself, sealed, and are read back with it.
constexpr auto description(tag<core::ChannelNotice>) {
    using T = core::ChannelNotice;
    return describe(field("mention", &T::mention), field("text", &T::text),
                    sealed("quote", &T::quote, Presence::omitted_when_empty),
                    field("quoted", &T::quoted, Place::data, Presence::omitted_when_empty));
}

json encode(tag<core::ChannelNotice>, const core::ChannelNotice& notice) {
    if (!notice.quoted)
        return to_described(notice);
    core::ChannelNotice referenced = notice;
    referenced.quote.clear();
    return to_described(referenced);
}

constexpr auto description(tag<core::DeadlineReminder>) {
    using T = core::DeadlineReminder;
    return describe(field("incident", &T::incident), field("kind", &T::kind), field("due", &T::due),
                    field("mention", &T::mention));
}

constexpr auto description(tag<core::Notice>) {
    return describe(field("text", &core::Notice::text));
}

// Only the electorate's ballots: who voted which way is for the channel, as on the message.
constexpr auto description(tag<core::Tally>) {
    using T = core::Tally;
    return describe(field("yes", &T::yes), field("no", &T::no), field("electorate", &T::electorate),
                    field("needed", &T::needed), field("result", &T::result));
}

// The question is what a member typed (a plan, a refusal): read from the motion's MotionProposed.
constexpr auto description(tag<core::MotionMessage>) {
    using T = core::MotionMessage;
    return describe(field("incident", &T::incident), field("number", &T::number),
                    field("kind", &T::kind), sealed("text", &T::text, loaded),
                    field("proposed_by", &T::proposed_by), field("tally", &T::tally));
}

constexpr auto description(tag<core::TimelineLine>) {
    using T = core::TimelineLine;
    return describe(field("at", &T::at), field("who", &T::who), field("what", &T::what),
                    field("quote", &T::quote, Place::data, Presence::optional));
}

// The whole record of the incident, quotes included: replayed from its events, as it stood when
// the effect was queued.
constexpr auto description(tag<core::Timeline>) {
    using T = core::Timeline;
    return describe(field("incident", &T::incident), sealed("lines", &T::lines, loaded));
}

constexpr auto description(tag<core::ReporterConflictPrompt>) {
    using T = core::ReporterConflictPrompt;
    return describe(field("incident", &T::incident));
}

constexpr auto description(tag<core::HrConflictPrompt>) {
    using T = core::HrConflictPrompt;
    return describe(field("incident", &T::incident), field("reported", &T::reported),
                    field("scope", &T::scope));
}

constexpr auto description(tag<core::CommitteeTally>) {
    using T = core::CommitteeTally;
    return describe(field("yes", &T::yes), field("no", &T::no), field("members", &T::members),
                    field("voters", &T::voters), field("needed", &T::needed),
                    field("result", &T::result));
}

// The reason is what the proposer wrote: read from the motion's sealed row when it is sent.
constexpr auto description(tag<core::CommitteeBallot>) {
    using T = core::CommitteeBallot;
    return describe(field("motion", &T::motion), field("kind", &T::kind),
                    field("subject", &T::subject), field("proposer", &T::proposer),
                    sealed("reason", &T::reason, loaded), field("tally", &T::tally),
                    field("withdrawn", &T::withdrawn, Place::data, Presence::omitted_when_empty));
}

constexpr auto description(tag<core::CheckInPrompt>) {
    return describe(field("answer", &core::CheckInPrompt::answer));
}

constexpr auto description(tag<core::ChecklistTick>) {
    using T = core::ChecklistTick;
    return describe(field("item", &T::item), field("by", &T::by), field("at", &T::at));
}

constexpr auto description(tag<core::OffboardChecklist>) {
    using T = core::OffboardChecklist;
    return describe(field("offboarding", &T::offboarding), field("member", &T::member),
                    field("cause", &T::cause), field("ticked", &T::ticked));
}

// A removal's message is the chair's words: read from the motion's sealed row when it is sent.
constexpr auto description(tag<core::Farewell>) {
    using T = core::Farewell;
    return describe(field("offboarding", &T::offboarding), field("cause", &T::cause),
                    sealed("text", &T::text, loaded));
}

constexpr auto description(tag<core::VeiledReport>) {
    return describe(field("incident", &core::VeiledReport::incident));
}

json encode(tag<core::Message>, const core::Message& message) {
    return std::visit(
        [](const auto& alternative) {
            json j = to_json(alternative);
            j["type"] = name_of(alternative);
            return j;
        },
        message);
}

void decode(tag<core::Message>, const json& j, core::Message& message) {
    message = decode_named<core::Message>("message", j.at("type").get<std::string>(),
                                          [&]<typename T>(tag<T>) {
                                              T alternative{};
                                              from_json(j, alternative);
                                              return alternative;
                                          });
}

} // namespace cocbot::storage::codec
