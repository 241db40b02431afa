// File: storage/audit_events.hpp
// What the audit log says of an event: who, what, and details made of ids and fixed words.
// A report's filing names no one (its reporter's identity is sealed), and nothing quotes a text.
#pragma once

#include "core/events.hpp"

#include <optional>
#include <string>

namespace cocbot::storage {

struct AuditFact {
    std::string actor;  // a Slack user id, or "cocbot"
    std::string action; // the event's stored type name
    std::string detail;
};

// Nullopt for bookkeeping that records no one's act (a message's ts, a reminder sent).
std::optional<AuditFact> audit_fact(const core::Event& event);

} // namespace cocbot::storage
