// File: core/overview.hpp
// What one committee member may see of the incidents: only those they are cleared for, plus
// the conflict questions still waiting for their answer. `/coc list`, `/coc status` and App
// Home are views of this; anyone else gets the same answer as for an unknown reference.
#pragma once

#include "core/deadlines.hpp"
#include "core/incident.hpp"

#include <optional>
#include <vector>

namespace cocbot::core {

struct IncidentSummary {
    IncidentId id;
    Status status = Status::triage;
    ReportedPerson reported;
    ChannelId channel;
    UserId primary_owner;
    UserId secondary_owner;
    UserId responsible;
    Time filed_at{};
    // The incident's open deadlines (acknowledgement, owners), soonest first.
    std::vector<Reminder> deadlines;

    friend bool operator==(const IncidentSummary&, const IncidentSummary&) = default;
};

// A triage question the member has not answered: no more than the prompt itself showed.
struct PendingDeclaration {
    IncidentId id;
    ReportedPerson reported;
    Source source = Source::slack;

    friend bool operator==(const PendingDeclaration&, const PendingDeclaration&) = default;
};

struct Overview {
    std::vector<IncidentSummary> open;
    std::vector<PendingDeclaration> pending;
};

Overview overview_for(const UserId& member, const std::vector<Incident>& incidents,
                      const Deadlines& deadlines = {});

// The incident as `member` may see it; nullopt unless they are cleared for it.
std::optional<IncidentSummary> summary_for(const UserId& member, const Incident& incident,
                                           const Deadlines& deadlines = {});

// Escrowed incidents that name the same person as `reported` (same Slack user, or the same
// name once case and spacing are ignored).
std::vector<IncidentId> matching_escrows(const ReportedPerson& reported,
                                         const std::vector<Incident>& incidents);

} // namespace cocbot::core
