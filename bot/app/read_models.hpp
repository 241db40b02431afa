// File: bot/app/read_models.hpp
// What cocbot reads without deciding anything: the lists, statuses and App Home a member sees,
// a stored report for sharing, and which incident a channel belongs to.
#pragma once

#include "bot/app/committee_roster.hpp"
#include "core/messages.hpp"
#include "core/overview.hpp"
#include "core/resolution.hpp"
#include "core/transparency.hpp"
#include "storage/database.hpp"

#include <optional>

namespace cocbot::app {

class ReadModels {
public:
    ReadModels(storage::Database& database, const CommitteeRoster& roster);

    // Gives every incident stored before overviews were indexed its activity row (once, at
    // start-up; nothing to do on later starts).
    void catch_up();

    // What `/coc list`, `/coc status` and App Home show one member: only the active incidents
    // are read, whatever the number ever stored.
    core::Overview overview_for(const core::UserId& member) const;
    std::optional<core::IncidentSummary> summary_for(const core::UserId& member,
                                                     const core::IncidentId& incident) const;

    // A stored report as the incident channel shows it (for sharing escrowed reports once a
    // vote activated them); nullopt for an unknown incident.
    std::optional<core::ReportDetails> report_details(const core::IncidentId& incident) const;

    // Whether cocbot may still invite `user` or send them anything about an incident: on the
    // roster, or one of the HR or leadership contacts. Someone taken off the roster after an
    // invite or a message was queued for them gets neither.
    bool may_reach(const core::UserId& user) const;

    // The outcome the resolve modal offers `member`: what the incident's votes suggest, or
    // nothing for a member who may not see it.
    core::ResolutionOutcome suggested_outcome(const core::UserId& member,
                                              const core::IncidentId& incident) const;

    // The quarter's transparency report: the incidents filed in it alone are read.
    core::TransparencyReport transparency(core::Quarter quarter) const;

    // The incident whose private channel this is, if any.
    std::optional<core::IncidentId> incident_for_channel(const core::ChannelId& channel) const;

private:
    storage::Database& database_;
    const CommitteeRoster& roster_;
};

} // namespace cocbot::app
