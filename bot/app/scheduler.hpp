// File: bot/app/scheduler.hpp
// Runs each incident's deadline check when its time comes. The times live in SQLite (written
// with the events that move them); one timer waits for the earliest. After a restart, every
// check that fell due while the process was down runs once, at start-up. One incident whose
// check fails is postponed and logged; it never stops the others, and the loop is supervised.
#pragma once

#include "bot/app/supervised.hpp"
#include "bot/app/workflow.hpp"
#include "bot/net.hpp"
#include "storage/jobs.hpp"

namespace cocbot::app {

class Scheduler {
public:
    Scheduler(net::any_io_executor executor, storage::Database& database, Workflow& workflow);

    void start();
    void wake(); // a commit may have moved the earliest check
    void stop();
    // From any thread: false while the loop is down (between a failure and its restart).
    bool running() const { return loop_.running(); }

private:
    awaitable<void> run();
    void run_due();
    void check(const core::IncidentId& incident);

    net::any_io_executor executor_;
    storage::Jobs jobs_;
    Workflow& workflow_;
    net::steady_timer timer_;
    bool stopping_ = false;
    Supervised loop_;
};

} // namespace cocbot::app
