// File: bot/app/group_commit.hpp
// Group commit on the application thread: writes that arrive together share one fsync, and
// nothing they wrote is acknowledged to Slack, or acted on in Slack, before it is on disk.
//
// The shared transaction opens with the first write and is committed by a flush posted behind
// whatever is already queued on the application thread, so the requests that came in while the
// previous fsync ran are decided into it first. Every answer waits for that flush (durable());
// the executor flushes before it calls Slack about anything it read (flush()).
#pragma once

#include "bot/app/metrics.hpp"
#include "bot/net.hpp"
#include "storage/database.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace cocbot::app {

class GroupCommit {
public:
    // `metrics`, when given, counts each commit that carried writes.
    GroupCommit(net::any_io_executor executor, storage::Database& database,
                Metrics* metrics = nullptr);
    ~GroupCommit();

    GroupCommit(const GroupCommit&) = delete;
    GroupCommit& operator=(const GroupCommit&) = delete;

    // From now on, write scopes share transactions. Until then (start-up), each commits alone.
    void start();

    // Waits until everything written so far is on disk: true, or false when the commit failed
    // and all of it was rolled back. At once when nothing is waiting.
    awaitable<bool> durable();

    // Commits now. True when nothing is left unwritten; a failure is logged (by class) and
    // every waiter told.
    bool flush();

    // How many commits carried writes, for the metrics.
    std::uint64_t commits() const { return commits_; }

private:
    struct Waiter;

    net::any_io_executor executor_;
    storage::Database& database_;
    Metrics* metrics_;
    std::vector<std::shared_ptr<Waiter>> waiters_;
    std::uint64_t commits_ = 0;
};

} // namespace cocbot::app
