// File: bot/app/read_models.cpp
#include "bot/app/read_models.hpp"

#include "bot/app/logger.hpp"
#include "bot/app/supervised.hpp"
#include "storage/event_store.hpp"
#include "storage/unit_of_work.hpp"

#include <exception>

namespace cocbot::app {

ReadModels::ReadModels(storage::Database& database, const CommitteeRoster& roster)
    : database_(database), roster_(roster) {}

core::Overview ReadModels::overview_for(const core::UserId& member) const {
    if (!roster_.committee().is_member(member))
        return {}; // off the roster: nothing, whatever an incident still says
    return core::overview_for(member, storage::EventStore{database_}.active_incidents(),
                              roster_.committee().deadlines);
}

void ReadModels::catch_up() {
    storage::EventStore store{database_};
    for (const auto& id : store.without_activity()) {
        core::Incident incident;
        try {
            incident = store.incident(id);
        } catch (const std::exception&) {
            // It cannot be shown anyway; left without a row, and tried again at the next start.
            log(Level::error, "read_model_catch_up_failed",
                {{"class", failure_class(std::current_exception())}});
            continue;
        }
        storage::UnitOfWork work{database_};
        work.set_active(id, core::shown_in_overviews(incident));
        work.commit();
    }
}

std::optional<core::IncidentSummary>
ReadModels::summary_for(const core::UserId& member, const core::IncidentId& incident) const {
    if (!roster_.committee().is_member(member))
        return std::nullopt;
    return core::summary_for(member, storage::EventStore{database_}.incident(incident),
                             roster_.committee().deadlines);
}

std::optional<core::ReportDetails>
ReadModels::report_details(const core::IncidentId& incident) const {
    const auto stored = storage::EventStore{database_}.incident(incident);
    if (!stored.exists())
        return std::nullopt;
    return core::ReportDetails{stored.id, stored.filed_at, stored.report, stored.submitted_by};
}

core::ResolutionOutcome ReadModels::suggested_outcome(const core::UserId& member,
                                                      const core::IncidentId& incident) const {
    const auto stored = storage::EventStore{database_}.incident(incident);
    if (!stored.exists() || !stored.is_cleared(member))
        return core::ResolutionOutcome::unrecorded;
    return core::suggested_outcome(stored);
}

core::TransparencyReport ReadModels::transparency(core::Quarter quarter) const {
    const auto incidents = storage::EventStore{database_}.filed_between(
        core::first_day(quarter), core::first_day(core::next(quarter)));
    return core::draft_transparency_report(quarter, roster_.committee(), incidents);
}

bool ReadModels::may_reach(const core::UserId& user) const {
    const auto& committee = roster_.committee();
    return committee.is_member(user) || core::contains(committee.hr, user) ||
           core::contains(committee.leadership, user);
}

std::optional<core::IncidentId>
ReadModels::incident_for_channel(const core::ChannelId& channel) const {
    return storage::EventStore{database_}.incident_by_channel(channel);
}

} // namespace cocbot::app
