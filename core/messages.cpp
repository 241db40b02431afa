// File: core/messages.cpp
#include "core/messages.hpp"

#include "core/names.hpp"
#include "core/overloaded.hpp"

namespace cocbot::core {

namespace {

constexpr NameTable<MessageKind, 17> kind_names{{
    {MessageKind::triage_prompt, "triage_prompt"},
    {MessageKind::danger_alert, "danger_alert"},
    {MessageKind::report_details, "report_details"},
    {MessageKind::control_panel, "control_panel"},
    {MessageKind::escrow_notice, "escrow_notice"},
    {MessageKind::channel_notice, "channel_notice"},
    {MessageKind::deadline_reminder, "deadline_reminder"},
    {MessageKind::notice, "notice"},
    {MessageKind::motion, "motion"},
    {MessageKind::timeline, "timeline"},
    {MessageKind::reporter_conflict_prompt, "reporter_conflict_prompt"},
    {MessageKind::hr_conflict_prompt, "hr_conflict_prompt"},
    {MessageKind::committee_ballot, "committee_ballot"},
    {MessageKind::check_in, "check_in"},
    {MessageKind::offboard_checklist, "offboard_checklist"},
    {MessageKind::farewell, "farewell"},
    {MessageKind::veiled_report, "veiled_report"},
}};

constexpr NameTable<QuoteSource, 2> quote_source_names{{
    {QuoteSource::motion, "motion"},
    {QuoteSource::record, "record"},
}};

} // namespace

std::string_view to_string(MessageKind kind) {
    return name_in(kind_names, kind);
}

std::optional<MessageKind> message_kind_from_string(std::string_view text) {
    return value_in(kind_names, text);
}

std::string_view to_string(QuoteSource source) {
    return name_in(quote_source_names, source);
}

std::optional<QuoteSource> quote_source_from_string(std::string_view text) {
    return value_in(quote_source_names, text);
}

MessageKind kind_of(const Message& message) {
    return std::visit(
        overloaded{
            [](const TriagePrompt&) { return MessageKind::triage_prompt; },
            [](const DangerAlert&) { return MessageKind::danger_alert; },
            [](const ReportDetails&) { return MessageKind::report_details; },
            [](const ControlPanel&) { return MessageKind::control_panel; },
            [](const EscrowNotice&) { return MessageKind::escrow_notice; },
            [](const ChannelNotice&) { return MessageKind::channel_notice; },
            [](const DeadlineReminder&) { return MessageKind::deadline_reminder; },
            [](const Notice&) { return MessageKind::notice; },
            [](const MotionMessage&) { return MessageKind::motion; },
            [](const Timeline&) { return MessageKind::timeline; },
            [](const ReporterConflictPrompt&) { return MessageKind::reporter_conflict_prompt; },
            [](const HrConflictPrompt&) { return MessageKind::hr_conflict_prompt; },
            [](const CommitteeBallot&) { return MessageKind::committee_ballot; },
            [](const CheckInPrompt&) { return MessageKind::check_in; },
            [](const OffboardChecklist&) { return MessageKind::offboard_checklist; },
            [](const Farewell&) { return MessageKind::farewell; },
            [](const VeiledReport&) { return MessageKind::veiled_report; },
        },
        message);
}

} // namespace cocbot::core
