// File: bot/app/executor.hpp
// Drains the outbox: performs each effect against the Slack Web API, at least once and
// idempotently, and feeds results that core needs back in as commands. One effect in flight at
// a time keeps us inside Slack's per-channel posting rate; a steady_timer is the wake-up signal.
// Each effect runs inside its own error boundary, and the loop itself is supervised.
#pragma once

#include "bot/app/group_commit.hpp"
#include "bot/app/read_models.hpp"
#include "bot/app/supervised.hpp"
#include "bot/app/workflow.hpp"
#include "bot/net.hpp"
#include "bot/slack/api.hpp"
#include "storage/event_store.hpp"
#include "storage/outbox.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace cocbot::app {

struct ExecutorOptions {
    int max_attempts = 8;                // then the effect is marked failed for the operator
    std::chrono::seconds first_retry{5}; // doubled after each failed attempt
    std::chrono::seconds longest_retry{15 * 60};
};

class Executor {
public:
    Executor(net::any_io_executor executor, storage::Database& database, GroupCommit& commits,
             Workflow& workflow, const ReadModels& reads, slack::Api& api,
             ExecutorOptions options = {});

    void start();
    // New work was committed: look at the outbox now rather than at the next timer.
    void wake();
    // Finish the effect in flight, then stop.
    void stop();
    // From any thread: false while the loop is down (between a failure and its restart).
    bool running() const { return loop_.running(); }

    struct Result;

    // The committee's own business (effects about no incident): what became of one, for the
    // governance records: where a message was posted, or why a removal or invite failed.
    struct CommitteeSettled {
        const core::Effect& effect;
        std::optional<core::MessageRef> posted;
        std::optional<std::string> error; // failed for good
    };
    void on_committee_effect(std::function<void(const CommitteeSettled&)> listener);
    // Fills in what such an effect shows but the outbox does not hold (a motion's reason);
    // nullopt when it is no longer there to show.
    void on_committee_text(std::function<std::optional<core::Effect>(const core::Effect&)> loader);

private:
    awaitable<void> run();
    awaitable<void> perform(const storage::PendingEffect& pending);
    awaitable<Result> attempt(const storage::PendingEffect& pending);
    awaitable<Result> attempt_loaded(const storage::PendingEffect& pending);
    awaitable<Result> post(const storage::PendingEffect& pending, const core::Post& post);
    awaitable<Result> share_escrowed(const storage::PendingEffect& pending,
                                     const core::ShareEscrowedReports& share);
    awaitable<Result> update(const core::Update& update);
    awaitable<Result> ephemeral(const storage::PendingEffect& pending, const core::Ephemeral& e);
    awaitable<Result> create_channel(const core::CreatePrivateChannel& create);
    awaitable<std::optional<std::string>> find_channel(const std::string& name);
    awaitable<Result> invite(const core::Invite& invite);
    awaitable<Result> remove(const core::Remove& remove);
    awaitable<Result> archive(const core::ArchiveChannel& archive);
    void settle(const storage::PendingEffect& pending, const Result& result);
    void tell_committee_records(const CommitteeSettled& settled);
    void fail(const storage::PendingEffect& pending, const std::string& error);
    void fail_undecodable(const storage::UndecodableEffect& undecodable);
    core::Time retry_time(int attempts_so_far) const;

    net::any_io_executor executor_;
    storage::Outbox outbox_;
    storage::EventStore events_; // the text effects reference, read when they run
    GroupCommit& commits_;
    Workflow& workflow_;
    const ReadModels& reads_;
    slack::Api& api_;
    ExecutorOptions options_;
    net::steady_timer timer_;
    bool stopping_ = false;
    std::function<void(const CommitteeSettled&)> committee_settled_;
    std::function<std::optional<core::Effect>(const core::Effect&)> committee_text_;
    Supervised loop_;
};

} // namespace cocbot::app
