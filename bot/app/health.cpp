// File: bot/app/health.cpp
#include "bot/app/health.hpp"

#include <algorithm>

namespace cocbot::app {

namespace {

std::int64_t steady_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

HealthCheck responsiveness(std::int64_t probed_at_ms, std::chrono::milliseconds interval) {
    if (probed_at_ms == 0)
        return {"app", false, "not probed yet"};
    // A probe is late when the application thread is stuck (in SQLite, say) or its loop died.
    const auto late_after = std::max<std::int64_t>(3 * interval.count(), 10000);
    const auto age = steady_ms() - probed_at_ms;
    if (age > late_after)
        return {"app", false, "no probe for " + std::to_string(age / 1000) + " s"};
    return {"app", true, "responding"};
}

HealthCheck outbox(std::int64_t oldest_pending, core::Time now, std::chrono::seconds max_age) {
    if (oldest_pending < 0)
        return {"outbox", true, "nothing pending"};
    const auto waited = now.time_since_epoch().count() - oldest_pending;
    const auto detail = "oldest pending effect waiting " + std::to_string(waited) + " s";
    return {"outbox", waited <= max_age.count(), detail};
}

} // namespace

void Health::watch(std::string name, std::function<bool()> running) {
    loops_.emplace_back(std::move(name), std::move(running));
}

void Health::watch(std::function<HealthCheck()> check) {
    reporters_.push_back(std::move(check));
}

void Health::probed(bool database_ok, std::optional<core::Time> oldest_pending,
                    bool membership_known, std::size_t committee_channel_members) {
    database_ok_ = database_ok;
    oldest_pending_ = oldest_pending ? oldest_pending->time_since_epoch().count() : -1;
    membership_known_ = membership_known;
    channel_members_ = committee_channel_members;
    probed_at_ms_ = steady_ms();
}

std::vector<HealthCheck> Health::checks(core::Time now) const {
    std::vector<HealthCheck> out;
    out.push_back(responsiveness(probed_at_ms_, options_.probe_interval));
    out.push_back({"database", database_ok_, database_ok_ ? "usable" : "unavailable"});
    for (const auto& [name, running] : loops_) {
        const bool up = running();
        out.push_back({name, up, up ? "running" : "not running"});
    }
    for (const auto& report : reporters_)
        out.push_back(report());
    const bool known = membership_known_;
    out.push_back({"committee_channel", known,
                   known ? std::to_string(channel_members_.load()) + " members"
                         : "membership unknown (retrying); prompts go by direct message"});
    out.push_back(outbox(oldest_pending_, now, options_.max_effect_age));
    return out;
}

bool all_ok(const std::vector<HealthCheck>& checks) {
    return std::all_of(checks.begin(), checks.end(), [](const auto& c) { return c.ok; });
}

std::string health_summary(const std::vector<HealthCheck>& checks) {
    for (const auto& check : checks)
        if (!check.ok)
            return check.name + ": " + check.detail;
    return "ok";
}

std::string health_details(const std::vector<HealthCheck>& checks) {
    std::string out;
    for (const auto& check : checks)
        out += check.name + ": " + (check.ok ? "ok" : "FAIL") + " (" + check.detail + ")\n";
    return out;
}

} // namespace cocbot::app
