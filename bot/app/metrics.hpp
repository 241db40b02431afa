// File: bot/app/metrics.hpp
// What GET /metrics tells, in Prometheus' text format: counters the threads add to as things
// happen, and gauges the health monitor sets at each probe. Labels are only fixed words (a
// request's kind and outcome, a Slack method or error name, a reminder's kind, a check's name):
// never a user id, an incident reference or anything a person wrote. A label value that is not
// a plain word, or one more than a label may take, is counted as "other", so that an odd Slack
// answer cannot grow the series without bound.
#pragma once

#include "bot/app/health.hpp"
#include "core/time.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::app {

class Metrics {
public:
    // The ack latency histogram's upper bounds, in seconds: Slack's limit is 3.
    static constexpr std::array<double, 11> latency_buckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                            0.1,   0.25,   0.5,   1,    3};
    static constexpr std::size_t max_values_per_label = 64;

    // Any thread.
    void request(std::string_view kind, std::string_view outcome,
                 std::chrono::microseconds latency);
    // One HTTP attempt at a Web API method; `error` empty when Slack said ok.
    void api_attempt(std::string_view method, std::string_view error);
    void reminder_sent(std::string_view kind);
    void committed(); // a group commit with writes in it
    // A Socket Mode connection's life: "connected", "ended_dead", "disconnect_warning", ...
    void socket_event(std::string_view event);
    // From the health monitor's probe.
    void probed(std::size_t outbox_pending, std::optional<core::Time> oldest_pending,
                std::optional<core::Time> next_deadline_check);

    // The whole exposition, with each health check's state.
    std::string render(core::Time now, const std::vector<HealthCheck>& checks) const;

private:
    using Labels = std::vector<std::string>; // values, in the order the family names them
    struct Family {
        std::string help;
        std::vector<std::string> label_names;
        std::map<Labels, std::uint64_t> counts;
    };

    void add(std::string_view family, Labels labels);
    std::string bounded(std::string_view family, std::size_t label, std::string_view value) const;

    mutable std::mutex mutex_;
    std::map<std::string, Family, std::less<>> families_ = initial_families();
    std::array<std::uint64_t, latency_buckets.size()> latency_counts_{};
    std::uint64_t latency_count_ = 0;
    double latency_sum_ = 0;
    std::size_t outbox_pending_ = 0;
    std::optional<core::Time> oldest_pending_, next_check_;
    bool probed_ = false;

    static std::map<std::string, Family, std::less<>> initial_families();
};

// A label value as Prometheus' text format writes it: backslash, quote and newline escaped.
std::string escaped_label(std::string_view value);

} // namespace cocbot::app
