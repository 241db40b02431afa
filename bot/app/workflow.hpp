// File: bot/app/workflow.hpp
// Where core meets storage: load an incident, decide, and commit the decision's events and
// effects in one transaction. No Slack, no Asio: the ingress and the executor both call in.
#pragma once

#include "core/committee.hpp"
#include "core/decide.hpp"
#include "core/overview.hpp"
#include "storage/database.hpp"

#include <functional>
#include <optional>
#include <string_view>

namespace cocbot::app {

// Whom to answer privately, and where, when a command came from a button.
struct ReplyTo {
    core::ChannelId channel;
    core::UserId user;
};

class Workflow {
public:
    Workflow(storage::Database& database, core::Committee committee);

    // Called after every commit that may have queued effects or moved a deadline, so that the
    // executor and the scheduler look again.
    void on_committed(std::function<void()> callback);

    // Files a report under the next reference of `now`'s year.
    core::Outcome file_report(const core::UserId& submitted_by, const core::Report& report,
                              core::Time now);

    // Decides `command` against its incident's stored state and commits the outcome. With
    // `reply_to`, the decision's reply (or the rejection's message) is queued for that person in
    // the same transaction.
    core::Outcome handle(const core::Command& command, core::Time now,
                         const std::optional<ReplyTo>& reply_to = std::nullopt);

    // A stored report as the incident channel shows it (for sharing escrowed reports once a
    // vote activated them); nullopt for an unknown incident.
    std::optional<core::ReportDetails> report_details(const core::IncidentId& incident);

    // Read-only views for one member: what `/coc list`, `/coc status` and App Home show.
    core::Overview overview_for(const core::UserId& member);
    std::optional<core::IncidentSummary> summary_for(const core::UserId& member,
                                                     const core::IncidentId& incident);

    // The incident whose private channel this is, if any.
    std::optional<core::IncidentId> incident_for_channel(const core::ChannelId& channel);

    // Who sits in the committee channel, as Slack last told us (see core::Committee).
    void set_committee_channel_members(std::vector<core::UserId> members);
    void committee_channel_joined(const core::UserId& user);
    void committee_channel_left(const core::UserId& user);

    // False when Slack already delivered this event id (a retry).
    bool first_delivery(std::string_view slack_event_id, core::Time now);

    bool healthy();

    const core::Committee& committee() const { return committee_; }

private:
    void notify() const;

    storage::Database& database_;
    core::Committee committee_;
    std::function<void()> on_committed_;
};

} // namespace cocbot::app
