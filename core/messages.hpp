// File: core/messages.hpp
// What the bot says, as data. The shell renders these as Block Kit; core decides who sees them.
#pragma once

#include "core/committee.hpp"
#include "core/governance_messages.hpp"
#include "core/hr.hpp"
#include "core/ids.hpp"
#include "core/motion.hpp"
#include "core/report.hpp"
#include "core/status.hpp"
#include "core/text.hpp"
#include "core/time.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cocbot::core {

// Where a posted message lives, so that it can be updated later.
struct MessageRef {
    ChannelId channel;
    std::string ts;

    friend bool operator==(const MessageRef&, const MessageRef&) = default;
};

enum class MessageKind {
    triage_prompt,
    danger_alert,
    report_details,
    control_panel,
    escrow_notice,
    channel_notice,
    deadline_reminder,
    notice,
    motion,
    timeline,
    reporter_conflict_prompt,
    hr_conflict_prompt,
    committee_ballot,
    check_in,
    offboard_checklist,
    farewell,
    veiled_report,
};

std::string_view to_string(MessageKind kind);
std::optional<MessageKind> message_kind_from_string(std::string_view text);

// "<reported person> has been reported (via <source>). Who does not have a conflict of interest?"
// Never the reporter, never a detail. `answered` counts answers without saying who answered what.
struct TriagePrompt {
    IncidentId incident;
    ReportedPerson reported;
    Source source = Source::slack;
    int answered = 0;
    int committee_size = 0;
    // Opened by a pattern of escrowed reports, not by one report (its source says nothing).
    bool pattern = false;

    friend bool operator==(const TriagePrompt&, const TriagePrompt&) = default;
};

// Immediate danger: that it was reported, where, and whom to call. No other detail.
struct DangerAlert {
    IncidentId incident;
    std::string location;
    Safety safety;
    std::vector<UserId> responding{}; // who said they are responding
    // Where the reporter is now, what they are wearing, and whether they ask for the police:
    // enough to find and help them, never their name or what happened.
    std::string whereabouts{};
    std::string appearance{};
    bool wants_police = false;

    friend bool operator==(const DangerAlert&, const DangerAlert&) = default;
};

// The whole report: posted only in the incident's private channel, to cleared members.
struct ReportDetails {
    IncidentId incident;
    Time filed_at{};
    Report report;
    UserId submitted_by;

    friend bool operator==(const ReportDetails&, const ReportDetails&) = default;
};

// The report behind a content warning: only its reference, and a way for a cleared member to
// have the details shown to them alone (as a ReportDetails ephemeral).
struct VeiledReport {
    IncidentId incident;

    friend bool operator==(const VeiledReport&, const VeiledReport&) = default;
};

// The incident channel's control message: status, owners, and the actions on the incident.
struct ControlPanel {
    IncidentId incident;
    Status status = Status::triage;
    UserId primary_owner;
    UserId secondary_owner;
    UserId responsible; // who answers for the incident until owners are named
    int cleared = 0;
    bool awaiting_acknowledgement = false; // offer the "reporter acknowledged" button
    bool reported_missing = false;         // the reported person cannot be found
    bool reporter_reachable = true;        // follow-up is possible (not anonymous, not opted out)
    int open_motions = 0;
    bool hr_configured = false;           // offer "involve HR" (committee.hr is set)
    std::optional<HrScope> hr_involved{}; // HR is in the channel now, to inform or after hand-off
    bool hr_declined = false;             // HR reported back that it takes no action
    bool escrow_pending = false;          // escrowed reports can be shared by a vote
    bool name_matched = false;            // offer "not a committee member" (a match by name)
    bool kept = false;                    // a motion kept the records past retention

    friend bool operator==(const ControlPanel&, const ControlPanel&) = default;
};

// Escrowed reports about the same person exist; the owners may activate them.
struct EscrowNotice {
    IncidentId incident;
    int count = 0;

    friend bool operator==(const EscrowNotice&, const EscrowNotice&) = default;
};

// Where a notice's quote is kept in its incident: a motion's question (by the motion's number),
// or what a member recorded (by its place in Incident::records). The outbox holds this and not
// the words, which the executor reads from the incident's events when it posts.
enum class QuoteSource { motion, record };

std::string_view to_string(QuoteSource source);
std::optional<QuoteSource> quote_source_from_string(std::string_view text);

struct QuoteRef {
    IncidentId incident;
    QuoteSource source = QuoteSource::record;
    int index = 0;

    friend bool operator==(const QuoteRef&, const QuoteRef&) = default;
};

// Something the incident's channel must know, addressed to the people named in `mention`.
// `text` is cocbot's own words; `quote` is what a person typed, shown verbatim and never
// interpreted as markup, and `quoted` says where the incident keeps it.
struct ChannelNotice {
    std::vector<UserId> mention;
    Text text;
    std::string quote;
    std::optional<QuoteRef> quoted{};

    friend bool operator==(const ChannelNotice&, const ChannelNotice&) = default;
};

// One of the plan's clocks ran out (or nearly): addressed to the owners in the incident channel.
struct DeadlineReminder {
    IncidentId incident;
    ReminderKind kind = ReminderKind::acknowledge_soon;
    Time due{};
    std::vector<UserId> mention;

    friend bool operator==(const DeadlineReminder&, const DeadlineReminder&) = default;
};

// A motion and its live tally; the ballot buttons are shown while it is open.
struct MotionMessage {
    IncidentId incident;
    int number = 0;
    MotionKind kind = MotionKind::custom;
    std::string text;
    UserId proposed_by;
    Tally tally;

    friend bool operator==(const MotionMessage&, const MotionMessage&) = default;
};

// The written record: every event, who and when (see core/timeline.hpp).
struct TimelineLine {
    Time at{};
    UserId who;
    Text what;           // cocbot's words
    std::string quote{}; // what a person typed (a motion's question), shown verbatim

    friend bool operator==(const TimelineLine&, const TimelineLine&) = default;
};

struct Timeline {
    IncidentId incident;
    std::vector<TimelineLine> lines;

    friend bool operator==(const Timeline&, const Timeline&) = default;
};

// A short private answer to one person (an ephemeral message).
struct Notice {
    Text text;

    friend bool operator==(const Notice&, const Notice&) = default;
};

// Asked privately of a cleared member let into the channel: whether they have a conflict of
// interest with the reporter. Only the reference: the question holds nothing of the report.
struct ReporterConflictPrompt {
    IncidentId incident;

    friend bool operator==(const ReporterConflictPrompt&, const ReporterConflictPrompt&) = default;
};

// Asked privately of an HR contact before HR sees anything: whether they have a conflict of
// interest with the person reported. Who was reported and why HR is asked; no detail.
struct HrConflictPrompt {
    IncidentId incident;
    ReportedPerson reported;
    HrScope scope = HrScope::informing;

    friend bool operator==(const HrConflictPrompt&, const HrConflictPrompt&) = default;
};

using Message = std::variant<TriagePrompt, DangerAlert, ReportDetails, ControlPanel, EscrowNotice,
                             ChannelNotice, DeadlineReminder, Notice, MotionMessage, Timeline,
                             ReporterConflictPrompt, HrConflictPrompt, CommitteeBallot,
                             CheckInPrompt, OffboardChecklist, Farewell, VeiledReport>;

MessageKind kind_of(const Message& message);

} // namespace cocbot::core
