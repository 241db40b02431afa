// File: core/commands.hpp
// One struct per intent: what a person asked for, or what the shell learned from Slack.
#pragma once

#include "core/ids.hpp"
#include "core/messages.hpp"
#include "core/report.hpp"

#include <variant>

namespace cocbot::core {

// Someone submitted the report modal. The shell allocates the reference before deciding.
struct SubmitReport {
    IncidentId incident;
    UserId submitted_by;
    Report report;
};

// A committee member answered the triage prompt.
struct DeclareConflict {
    IncidentId incident;
    UserId member;
    bool conflicted = false;
};

// The executor posted a message that core wants to address later (to update it in place).
struct RecordMessagePosted {
    IncidentId incident;
    MessageRef message;
    MessageKind kind;
};

using Command = std::variant<SubmitReport, DeclareConflict, RecordMessagePosted>;

inline const IncidentId& incident_of(const Command& command) {
    return std::visit([](const auto& c) -> const IncidentId& { return c.incident; }, command);
}

} // namespace cocbot::core
