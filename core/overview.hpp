// File: core/overview.hpp
// What one committee member may see of the incidents: only those they are cleared for, plus
// the conflict questions still waiting for their answer. `/coc list`, `/coc status` and App
// Home are views of this; anyone else gets the same answer as for an unknown reference.
#pragma once

#include "core/deadlines.hpp"
#include "core/incident.hpp"

#include <optional>
#include <string>
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

// A motion the member may vote on, and their ballot so far.
struct OpenMotion {
    IncidentId incident;
    int number = 0;
    MotionKind kind = MotionKind::custom;
    std::string text;
    std::optional<bool> ballot; // true for yes; nullopt when they have not voted

    friend bool operator==(const OpenMotion&, const OpenMotion&) = default;
};

struct Overview {
    std::vector<IncidentSummary> open; // not resolved
    std::vector<PendingDeclaration> pending;
    std::vector<OpenMotion> motions;
};

// The incidents an overview shows anything of, each once, in the order it shows them.
std::vector<IncidentId> shown_incidents(const Overview& overview);

Overview overview_for(const UserId& member, const std::vector<Incident>& incidents,
                      const Deadlines& deadlines = {});

// The incident as `member` may see it; nullopt unless they are cleared for it.
std::optional<IncidentSummary> summary_for(const UserId& member, const Incident& incident,
                                           const Deadlines& deadlines = {});

// Whether overview_for can show anything of `incident` to anyone: open, or with a motion open
// (a resolved incident's re-opening). The shell keeps the others out of every overview's read.
bool shown_in_overviews(const Incident& incident);

// Escrowed incidents that name the same person as `reported` (same Slack user, or the same
// name once case and spacing are ignored).
std::vector<IncidentId> matching_escrows(const ReportedPerson& reported,
                                         const std::vector<Incident>& incidents);

// The keys a reported person is found by, so that the shell can match escrowed reports by index
// rather than by reading them all: two people match (as in matching_escrows) exactly when they
// share a key. "user:<Slack id>" and "name:<name_key>", each when there is one.
std::vector<std::string> person_keys(const ReportedPerson& reported);

} // namespace cocbot::core
