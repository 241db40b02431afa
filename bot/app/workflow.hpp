// File: bot/app/workflow.hpp
// Where core meets storage: load an incident, decide, and commit the decision's events and
// effects in one transaction. No Slack, no Asio: the ingress and the executor both call in.
#pragma once

#include "core/committee.hpp"
#include "core/decide.hpp"
#include "core/overview.hpp"
#include "storage/database.hpp"
#include "storage/unit_of_work.hpp"

#include <functional>
#include <optional>
#include <string_view>

namespace cocbot::app {

// Whom to answer privately, and where, when a command came from a button.
struct ReplyTo {
    core::ChannelId channel;
    core::UserId user;
};

// The modal a report came from: Slack's view id and hash, the same when a view is submitted
// again (Slack's retry, or Submit pressed twice).
struct Submission {
    std::string view_id;
    std::string hash;
};

class Workflow {
public:
    Workflow(storage::Database& database, core::Committee committee);

    // Called after every commit that may have queued effects or moved a deadline, so that the
    // executor and the scheduler look again.
    void on_committed(std::function<void()> callback);

    // Files a report under the next reference of `now`'s year. A submission already filed gets
    // the same answer again, with its first reference, and files nothing.
    core::Outcome file_report(const core::UserId& submitted_by, const core::Report& report,
                              core::Time now, const std::optional<Submission>& from = std::nullopt);

    // Decides `command` against its incident's stored state and commits the outcome. With
    // `reply_to`, the decision's reply (or the rejection's message) is queued for that person in
    // the same transaction.
    core::Outcome handle(const core::Command& command, core::Time now,
                         const std::optional<ReplyTo>& reply_to = std::nullopt);

    // As handle, for a command caused by Slack event `event_id`: the id is recorded as seen in
    // the command's own transaction, so a command that fails leaves Slack's retry to do the
    // work. Nullopt (and nothing done) when the event was already handled.
    std::optional<core::Outcome> handle_event(std::string_view event_id,
                                              const core::Command& command, core::Time now);

    // For events that cause no command: whether `event_id` was handled already, and recording
    // that it now has been (after the handling, so a failure leaves Slack's retry the work).
    bool event_seen(std::string_view event_id);
    void record_event(std::string_view event_id, core::Time now);

    // A stored report as the incident channel shows it (for sharing escrowed reports once a
    // vote activated them); nullopt for an unknown incident.
    std::optional<core::ReportDetails> report_details(const core::IncidentId& incident);

    // Read-only views for one member: what `/coc list`, `/coc status` and App Home show.
    core::Overview overview_for(const core::UserId& member);
    std::optional<core::IncidentSummary> summary_for(const core::UserId& member,
                                                     const core::IncidentId& incident);

    // The incident whose private channel this is, if any.
    std::optional<core::IncidentId> incident_for_channel(const core::ChannelId& channel);

    // Who sits in the committee channel, as Slack last told us (see core::Committee). Until
    // the first call, cocbot fails closed: nothing about a report goes to that channel.
    void set_committee_channel_members(std::vector<core::UserId> members);
    bool committee_channel_known() const { return committee_.channel_members_known; }
    void committee_channel_joined(const core::UserId& user);
    void committee_channel_left(const core::UserId& user);

    bool healthy();

    const core::Committee& committee() const { return committee_; }

private:
    core::Outcome decide_and_stage(storage::UnitOfWork& work, const core::Command& command,
                                   core::Time now, const std::optional<ReplyTo>& reply_to);
    void notify() const;

    storage::Database& database_;
    core::Committee committee_;
    std::function<void()> on_committed_;
};

} // namespace cocbot::app
