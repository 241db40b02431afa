// File: bot/app/workflow.hpp
// Where core meets storage: load an incident, decide, and commit the decision's events and
// effects in one transaction. No Slack, no Asio: the ingress and the executor both call in.
#pragma once

#include "core/committee.hpp"
#include "core/decide.hpp"
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

    // Called after every commit that queued effects, so the executor wakes up.
    void on_effects_queued(std::function<void()> callback);

    // Files a report under the next reference of `now`'s year.
    core::Outcome file_report(const core::UserId& submitted_by, const core::Report& report,
                              core::Time now);

    // Decides `command` against its incident's stored state and commits the outcome. With
    // `reply_to`, the decision's reply (or the rejection's message) is queued for that person in
    // the same transaction.
    core::Outcome handle(const core::Command& command, core::Time now,
                         const std::optional<ReplyTo>& reply_to = std::nullopt);

    // False when Slack already delivered this event id (a retry).
    bool first_delivery(std::string_view slack_event_id, core::Time now);

    bool healthy();

    const core::Committee& committee() const { return committee_; }

private:
    void notify() const;

    storage::Database& database_;
    core::Committee committee_;
    std::function<void()> on_effects_queued_;
};

} // namespace cocbot::app
