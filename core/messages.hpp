// File: core/messages.hpp
// What the bot says, as data. The shell renders these as Block Kit; core decides who sees them.
#pragma once

#include "core/committee.hpp"
#include "core/ids.hpp"
#include "core/report.hpp"

#include <string>
#include <variant>

namespace cocbot::core {

// Where a posted message lives, so that it can be updated later.
struct MessageRef {
    ChannelId channel;
    std::string ts;

    friend bool operator==(const MessageRef&, const MessageRef&) = default;
};

enum class MessageKind { triage_prompt, danger_alert, notice };

// "<reported person> has been reported (via <source>). Who does not have a conflict of interest?"
// Never the reporter, never a detail. `answered` counts answers without saying who answered what.
struct TriagePrompt {
    IncidentId incident;
    ReportedPerson reported;
    Source source = Source::slack;
    int answered = 0;
    int committee_size = 0;

    friend bool operator==(const TriagePrompt&, const TriagePrompt&) = default;
};

// Immediate danger: that it was reported, where, and whom to call. No other detail.
struct DangerAlert {
    IncidentId incident;
    std::string location;
    Safety safety;

    friend bool operator==(const DangerAlert&, const DangerAlert&) = default;
};

// A short private answer to one person (an ephemeral message).
struct Notice {
    std::string text;

    friend bool operator==(const Notice&, const Notice&) = default;
};

using Message = std::variant<TriagePrompt, DangerAlert, Notice>;

MessageKind kind_of(const Message& message);

} // namespace cocbot::core
