// File: core/decision.hpp
// What decide() returns: facts and effects, or a reason the command was refused.
#pragma once

#include "core/effects.hpp"
#include "core/events.hpp"
#include "core/report.hpp"

#include <string>
#include <variant>
#include <vector>

namespace cocbot::core {

struct Decision {
    std::vector<Event> events;
    std::vector<Effect> effects;
    // Said privately to whoever issued the command (an ephemeral answer or a modal response).
    std::string reply;
};

struct Rejection {
    enum class Reason {
        invalid_report,
        unknown_incident,
        already_exists,
        not_on_committee,
        not_allowed
    };
    Reason reason;
    std::string message;            // safe to show to the person who issued the command
    std::vector<FieldError> fields; // for invalid_report: the modal's inline errors
};

using Outcome = std::variant<Decision, Rejection>;

} // namespace cocbot::core
