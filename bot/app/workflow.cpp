// File: bot/app/workflow.cpp
#include "bot/app/workflow.hpp"

#include "core/deadlines.hpp"
#include "storage/event_store.hpp"
#include "storage/seen_events.hpp"

#include <algorithm>
#include <chrono>

namespace cocbot::app {

namespace {

int year_of(core::Time t) {
    const std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(t)};
    return static_cast<int>(date.year());
}

std::vector<core::Effect> reply_effects(const core::Outcome& outcome,
                                        const std::optional<ReplyTo>& reply_to) {
    if (!reply_to)
        return {};
    const std::string text = std::holds_alternative<core::Decision>(outcome)
                                 ? std::get<core::Decision>(outcome).reply
                                 : std::get<core::Rejection>(outcome).message;
    if (text.empty())
        return {};
    return {core::Ephemeral{reply_to->channel, reply_to->user, core::Notice{text}}};
}

} // namespace

Workflow::Workflow(storage::Database& database, core::Committee committee)
    : database_(database), committee_(std::move(committee)) {
    committee_.channel_members_known = false;
}

void Workflow::on_committed(std::function<void()> callback) {
    on_committed_ = std::move(callback);
}

core::Outcome Workflow::file_report(const core::UserId& submitted_by, const core::Report& report,
                                    core::Time now, const std::optional<Submission>& from) {
    storage::UnitOfWork work{database_};
    if (const auto filed = from ? work.filed_by(from->view_id, from->hash) : std::nullopt)
        // Deciding is pure: the same report under its first reference gives the same answer.
        // Nothing of it is committed.
        return core::decide(committee_, core::Incident{},
                            core::SubmitReport{*filed, submitted_by, report, {}}, now);
    const int year = year_of(now);
    const int number = work.allocate_incident_number(year);
    const auto id = core::make_incident_id(year, number);
    const auto matches =
        core::matching_escrows(report.reported, storage::EventStore{database_}.incidents());
    auto outcome = core::decide(committee_, core::Incident{},
                                core::SubmitReport{id, submitted_by, report, matches}, now);
    if (const auto* decision = std::get_if<core::Decision>(&outcome)) {
        work.create_incident(id, year, number, now);
        work.append(id, decision->events, now);
        work.enqueue(id, decision->effects, now);
        const auto filed = core::replay(core::Incident{}, decision->events);
        work.schedule(id, core::next_check(filed, committee_.deadlines));
        if (from)
            work.record_submission(from->view_id, from->hash, id, now);
        work.commit();
        notify();
    }
    return outcome;
}

core::Outcome Workflow::handle(const core::Command& command, core::Time now,
                               const std::optional<ReplyTo>& reply_to) {
    storage::UnitOfWork work{database_};
    auto outcome = decide_and_stage(work, command, now, reply_to);
    work.commit();
    notify();
    return outcome;
}

std::optional<core::Outcome> Workflow::handle_event(std::string_view event_id,
                                                    const core::Command& command, core::Time now) {
    storage::UnitOfWork work{database_};
    if (!work.mark_seen(event_id, now))
        return std::nullopt;
    auto outcome = decide_and_stage(work, command, now, std::nullopt);
    work.commit();
    notify();
    return outcome;
}

bool Workflow::event_seen(std::string_view event_id) {
    return storage::SeenEvents{database_}.seen(event_id);
}

void Workflow::record_event(std::string_view event_id, core::Time now) {
    storage::UnitOfWork work{database_};
    work.mark_seen(event_id, now);
    work.commit();
}

core::Outcome Workflow::decide_and_stage(storage::UnitOfWork& work, const core::Command& command,
                                         core::Time now, const std::optional<ReplyTo>& reply_to) {
    const auto& id = core::incident_of(command);
    const auto incident = storage::EventStore{database_}.incident(id);
    auto outcome = core::decide(committee_, incident, command, now);
    // The answer to a click goes out first: a member who recused still sees it before cocbot
    // removes them from the channel (Slack refuses ephemerals to non-members).
    work.enqueue(std::nullopt, reply_effects(outcome, reply_to), now);
    auto after = incident;
    if (const auto* decision = std::get_if<core::Decision>(&outcome)) {
        work.append(id, decision->events, now);
        work.enqueue(id, decision->effects, now);
        after = core::replay(std::move(after), decision->events);
    }
    // The incident's next deadline check is written with the events that moved it.
    if (after.exists())
        work.schedule(id, core::next_check(after, committee_.deadlines));
    return outcome;
}

std::optional<core::ReportDetails> Workflow::report_details(const core::IncidentId& incident) {
    const auto stored = storage::EventStore{database_}.incident(incident);
    if (!stored.exists())
        return std::nullopt;
    return core::ReportDetails{stored.id, stored.filed_at, stored.report, stored.submitted_by};
}

core::Overview Workflow::overview_for(const core::UserId& member) {
    return core::overview_for(member, storage::EventStore{database_}.incidents(),
                              committee_.deadlines);
}

std::optional<core::IncidentSummary> Workflow::summary_for(const core::UserId& member,
                                                           const core::IncidentId& incident) {
    return core::summary_for(member, storage::EventStore{database_}.incident(incident),
                             committee_.deadlines);
}

std::optional<core::IncidentId> Workflow::incident_for_channel(const core::ChannelId& channel) {
    return storage::EventStore{database_}.incident_by_channel(channel);
}

void Workflow::set_committee_channel_members(std::vector<core::UserId> members) {
    committee_.channel_members = std::move(members);
    committee_.channel_members_known = true;
}

void Workflow::committee_channel_joined(const core::UserId& user) {
    auto& members = committee_.channel_members;
    if (std::find(members.begin(), members.end(), user) == members.end())
        members.push_back(user);
}

void Workflow::committee_channel_left(const core::UserId& user) {
    std::erase(committee_.channel_members, user);
}

bool Workflow::healthy() {
    return database_.healthy();
}

void Workflow::notify() const {
    if (on_committed_)
        on_committed_();
}

} // namespace cocbot::app
