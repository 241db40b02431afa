// File: bot/app/health.hpp
// What /healthz tells: facts the application thread gathers (a probe of the database, how long
// Slack output has waited, whether the committee channel's membership is known) and the state of
// the supervised loops, read on the I/O thread without waiting for either.
#pragma once

#include "core/time.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cocbot::app {

struct HealthOptions {
    std::chrono::seconds max_effect_age{300}; // an effect pending longer: output is stuck
    std::chrono::milliseconds probe_interval{2000};
    std::chrono::minutes prune_interval{10};
    std::chrono::minutes seen_events_kept{60};    // Slack retries for minutes, not hours
    std::chrono::hours done_effects_kept{7 * 24}; // a week, for the operator to look back
};

struct HealthCheck {
    std::string name;
    bool ok = false;
    std::string detail;
};

class Health {
public:
    explicit Health(HealthOptions options = {}) : options_(options) {}

    // Wiring, before any thread reads: a loop whose `running` must hold.
    void watch(std::string name, std::function<bool()> running);
    // Wiring, before any thread reads: a check that says for itself how it stands (Socket
    // Mode's connection); it is called from any thread.
    void watch(std::function<HealthCheck()> check);

    // From the application thread, after each probe.
    void probed(bool database_ok, std::optional<core::Time> oldest_pending, bool membership_known,
                std::size_t committee_channel_members);

    // From any thread: every check, in a fixed order.
    std::vector<HealthCheck> checks(core::Time now) const;

    const HealthOptions& options() const { return options_; }

private:
    HealthOptions options_;
    std::vector<std::pair<std::string, std::function<bool()>>> loops_;
    std::vector<std::function<HealthCheck()>> reporters_;
    std::atomic<std::int64_t> probed_at_ms_{0}; // steady clock; 0 before the first probe
    std::atomic<bool> database_ok_{false};
    std::atomic<std::int64_t> oldest_pending_{-1}; // unix seconds; -1 when nothing is pending
    std::atomic<bool> membership_known_{false};
    std::atomic<std::size_t> channel_members_{0};
};

// "ok" when every check holds, else the first failing check as "name: detail".
std::string health_summary(const std::vector<HealthCheck>& checks);
bool all_ok(const std::vector<HealthCheck>& checks);
// One line per check, for /healthz?verbose.
std::string health_details(const std::vector<HealthCheck>& checks);

} // namespace cocbot::app
