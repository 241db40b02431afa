// File: bot/app/monitor.hpp
// The application thread's housekeeping: probes what /healthz reports, every few seconds, and
// forgets Slack deliveries old enough that Slack no longer retries them, and effects done a week
// ago, then truncates the write-ahead log; and at each probe runs the chores that are due by
// the clock (the audit head's post, retention).
#pragma once

#include "bot/app/committee_roster.hpp"
#include "bot/app/health.hpp"
#include "bot/app/metrics.hpp"
#include "bot/app/supervised.hpp"
#include "bot/net.hpp"
#include "storage/jobs.hpp"
#include "storage/outbox.hpp"
#include "storage/seen_events.hpp"

#include <functional>
#include <vector>

namespace cocbot::app {

// Something to do when its time comes by the application's clock; one that throws is logged
// and tried again at the next probe.
using Chore = std::function<void(core::Time now)>;

class Monitor {
public:
    Monitor(net::any_io_executor executor, storage::Database& database,
            const CommitteeRoster& roster, Health& health, Metrics& metrics,
            std::vector<Chore> chores);

    void start();
    void stop();
    // Something /healthz reports changed: probe now rather than at the next interval.
    void wake();
    bool running() const { return loop_.running(); }

private:
    awaitable<void> run();
    void probe();
    void prune();

    storage::Database& database_;
    storage::Outbox outbox_;
    storage::SeenEvents seen_;
    const CommitteeRoster& roster_;
    Health& health_;
    Metrics& metrics_;
    std::vector<Chore> chores_;
    storage::Jobs jobs_;
    net::steady_timer timer_;
    bool stopping_ = false;
    Supervised loop_;
};

} // namespace cocbot::app
