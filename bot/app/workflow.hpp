// File: bot/app/workflow.hpp
// The write path, where core meets storage: load an incident, decide, and commit the decision's
// events, effects and next deadline check in one transaction. No Slack, no Asio: the ingress,
// the executor and the scheduler all call in.
#pragma once

#include "bot/app/committee_roster.hpp"
#include "core/decide.hpp"
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
    Workflow(storage::Database& database, CommitteeRoster& roster);

    // Called after every commit that may have queued effects or moved a deadline, so that the
    // executor and the scheduler look again.
    void on_committed(std::function<void()> callback);
    // Told of each decision handle() committed (the metrics count its reminders).
    void on_decided(std::function<void(const core::Decision&)> callback);

    // Files a report under the next reference of `now`'s year: a SubmitReport handled like any
    // other command. A submission already filed gets the same answer again, with its first
    // reference, and files nothing.
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

    // Records in the audit log that `member` was shown `incidents` (`/coc status`, `/coc list`,
    // App Home), in its own write: the answer waits for it to be on disk like any other.
    void record_views(const core::UserId& member, std::string_view action,
                      const std::vector<core::IncidentId>& incidents, core::Time now);

    // Queues a private answer to one person where they clicked, in its own write.
    void tell(const ReplyTo& reply_to, const core::Text& text, core::Time now);

    // Queues `text` for the committee channel, about no incident, with an audit entry of who
    // asked for it (`action`, `detail`: fixed words and ids, never report text).
    void post_to_committee(const core::Text& text, const core::UserId& by, std::string_view action,
                           std::string_view detail, core::Time now);

private:
    core::Outcome decide_and_stage(storage::UnitOfWork& work, const core::Command& command,
                                   core::Time now, const std::optional<ReplyTo>& reply_to);
    void commit(storage::UnitOfWork& work) const;
    // The committee channel was told who in it is off the roster: not again while they stay.
    void remember_strangers_named(const core::Decision& decision);

    storage::Database& database_;
    CommitteeRoster& roster_;
    std::function<void()> on_committed_;
    std::function<void(const core::Decision&)> on_decided_;
};

} // namespace cocbot::app
