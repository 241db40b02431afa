// File: bot/app/workflow.cpp
#include "bot/app/workflow.hpp"

#include "core/deadlines.hpp"
#include "core/overview.hpp"
#include "core/retention.hpp"
#include "storage/escrow_index.hpp"
#include "storage/event_store.hpp"

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

Workflow::Workflow(storage::Database& database, CommitteeRoster& roster)
    : database_(database), roster_(roster) {}

void Workflow::on_committed(std::function<void()> callback) {
    on_committed_ = std::move(callback);
}

void Workflow::on_decided(std::function<void(const core::Decision&)> callback) {
    on_decided_ = std::move(callback);
}

core::Outcome Workflow::file_report(const core::UserId& submitted_by, const core::Report& report,
                                    core::Time now, const std::optional<Submission>& from) {
    storage::UnitOfWork work{database_};
    if (const auto filed = from ? work.filed_by(from->view_id, from->hash) : std::nullopt)
        // Deciding is pure: the same report under its first reference gives the same answer.
        // Nothing of it is committed.
        return core::decide(roster_.committee(), core::Incident{},
                            core::SubmitReport{*filed, submitted_by, report, {}}, now);
    const int year = year_of(now);
    const int number = work.allocate_incident_number(year);
    const auto id = core::make_incident_id(year, number);
    const auto matches = storage::EscrowIndex{database_}.matching(
        core::person_keys(core::normalised(report).reported));
    // The row goes first, for the events to belong to; a refused report rolls it back with the
    // number it took.
    work.create_incident(id, year, number, now);
    auto outcome =
        decide_and_stage(work, core::SubmitReport{id, submitted_by, report, matches}, now, {});
    if (!std::holds_alternative<core::Decision>(outcome))
        return outcome;
    if (from)
        work.record_submission(from->view_id, from->hash, id, now);
    commit(work);
    remember_strangers_named(std::get<core::Decision>(outcome));
    return outcome;
}

void Workflow::record_views(const core::UserId& member, std::string_view action,
                            const std::vector<core::IncidentId>& incidents, core::Time now) {
    if (incidents.empty())
        return;
    storage::UnitOfWork work{database_};
    for (const auto& incident : incidents)
        work.audit(now, member.value, action, incident.value);
    work.commit(); // nothing queued, no deadline moved: the executor need not look
}

void Workflow::tell(const ReplyTo& reply_to, const core::Text& text, core::Time now) {
    storage::UnitOfWork work{database_};
    work.enqueue(std::nullopt,
                 {core::Ephemeral{reply_to.channel, reply_to.user, core::Notice{text}}}, now);
    commit(work);
}

void Workflow::post_to_committee(const core::Text& text, const core::UserId& by,
                                 std::string_view action, std::string_view detail, core::Time now) {
    storage::UnitOfWork work{database_};
    const auto& channel = roster_.committee().channel;
    work.enqueue(std::nullopt, {core::Post{{}, channel, {}, core::Notice{text}, false}}, now);
    work.audit(now, by.value, action, {}, detail);
    commit(work);
}

void Workflow::remember_strangers_named(const core::Decision& decision) {
    for (const auto& event : decision.events)
        if (const auto* filed = std::get_if<core::ReportFiled>(&event))
            roster_.strangers_named(filed->strangers_named);
}

core::Outcome Workflow::handle(const core::Command& command, core::Time now,
                               const std::optional<ReplyTo>& reply_to) {
    storage::UnitOfWork work{database_};
    auto outcome = decide_and_stage(work, command, now, reply_to);
    commit(work);
    if (const auto* decision = std::get_if<core::Decision>(&outcome); decision && on_decided_)
        on_decided_(*decision);
    return outcome;
}

std::optional<core::Outcome> Workflow::handle_event(std::string_view event_id,
                                                    const core::Command& command, core::Time now) {
    storage::UnitOfWork work{database_};
    if (!work.mark_seen(event_id, now))
        return std::nullopt;
    auto outcome = decide_and_stage(work, command, now, std::nullopt);
    commit(work);
    return outcome;
}

core::Outcome Workflow::decide_and_stage(storage::UnitOfWork& work, const core::Command& command,
                                         core::Time now, const std::optional<ReplyTo>& reply_to) {
    const auto& id = core::incident_of(command);
    const auto& committee = roster_.committee();
    const auto incident = storage::EventStore{database_}.incident(id);
    auto outcome = core::decide(committee, incident, command, now);
    // The answer to a click goes out first: a member who recused still sees it before cocbot
    // removes them from the channel (Slack refuses ephemerals to non-members).
    work.enqueue(std::nullopt, reply_effects(outcome, reply_to), now);
    auto after = incident;
    if (const auto* decision = std::get_if<core::Decision>(&outcome)) {
        if (const auto* asked = std::get_if<core::ShowTimeline>(&command))
            work.audit(now, asked->by.value, "timeline_viewed", id.value);
        work.append(id, decision->events, now);
        work.enqueue(id, decision->effects, now);
        after = core::replay(std::move(after), decision->events);
    }
    // The incident's next deadline check is written with the events that moved it.
    if (after.exists()) {
        work.schedule(id, core::next_check(after, committee.deadlines));
        work.set_active(id, core::shown_in_overviews(after));
        work.set_retention(id, core::retention_start(after));
    }
    return outcome;
}

void Workflow::commit(storage::UnitOfWork& work) const {
    work.commit();
    if (on_committed_)
        on_committed_();
}

} // namespace cocbot::app
