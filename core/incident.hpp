// File: core/incident.hpp
// An incident's state: the fold of its events. Nothing here is ever stored directly.
#pragma once

#include "core/committee.hpp"
#include "core/events.hpp"

#include <map>
#include <optional>

namespace cocbot::core {

enum class Status {
    none,     // no report filed under this reference
    escrowed, // stored, not acted on
    triage,   // the committee is being asked about conflicts
};

std::string_view to_string(Status status);

enum class Declaration { no_conflict, conflict };

struct Incident {
    IncidentId id;
    Status status = Status::none;
    Time filed_at{};
    Report report;
    UserId submitted_by;
    std::vector<UserId> committee;
    ChannelId committee_channel;
    std::map<UserId, Declaration> declarations;
    bool reported_is_member = false;
    std::optional<MessageRef> triage_prompt;

    bool exists() const { return status != Status::none; }
    bool asked(const UserId& member) const;
    std::optional<Declaration> declaration_of(const UserId& member) const;
    // Members who declared no conflict: the only people who may ever see this report.
    std::vector<UserId> cleared() const;
};

Incident evolve(Incident incident, const Event& event);

template <typename Events>
Incident replay(Incident incident, const Events& events) {
    for (const auto& event : events)
        incident = evolve(std::move(incident), event);
    return incident;
}

} // namespace cocbot::core
