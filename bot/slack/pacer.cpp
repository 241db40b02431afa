// File: bot/slack/pacer.cpp
#include "bot/slack/pacer.hpp"

#include <algorithm>

namespace cocbot::slack {

namespace {

using Clock = Pacer::Clock;

Clock::duration interval(Rate rate) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::minutes{1}) / rate.per_minute;
}

// The earliest time a call may go under `budget`.
Clock::time_point earliest(Clock::time_point arrival, Rate rate, Clock::time_point now) {
    const auto tolerance = interval(rate) * std::max(rate.burst - 1, 0);
    return std::max(now, arrival - tolerance);
}

Clock::time_point after(Clock::time_point arrival, Rate rate, Clock::time_point sent) {
    return std::max(arrival, sent) + interval(rate);
}

} // namespace

PacerLimits slack_limits() {
    const Rate tier2{20, 3}, tier3{50, 5}, tier4{100, 10}, unpaced{0, 0};
    PacerLimits limits;
    limits.other = tier3;
    limits.methods = {
        {"auth.test", unpaced},
        {"chat.postMessage", unpaced}, // Special: paced per channel (per_channel_post)
        {"chat.postEphemeral", tier4},
        {"chat.update", tier3},
        {"conversations.archive", tier2},
        {"conversations.create", tier2},
        {"conversations.history", tier3},
        {"conversations.invite", tier3},
        {"conversations.kick", tier3},
        {"conversations.members", tier4},
        {"conversations.open", tier3},
        {"conversations.rename", tier2},
        {"users.info", tier4},
        {"views.open", tier4},
        {"views.publish", tier4},
        {"views.update", tier4},
    };
    return limits;
}

Rate Pacer::rate_of(std::string_view method) const {
    const auto found = limits_.methods.find(method);
    return found == limits_.methods.end() ? limits_.other : found->second;
}

Clock::time_point Pacer::reserve(std::string_view method, std::string_view channel,
                                 Clock::time_point now) {
    const Rate rate = rate_of(method);
    const bool per_channel =
        method == "chat.postMessage" && !channel.empty() && limits_.per_channel_post.per_minute > 0;
    Budget* method_budget = nullptr;
    Budget* channel_budget = nullptr;
    auto at = now;
    if (const auto held = held_.find(method); held != held_.end()) {
        at = std::max(at, held->second);
        if (held->second <= now)
            held_.erase(held);
    }
    if (rate.per_minute > 0) {
        method_budget = &methods_.try_emplace(std::string{method}).first->second;
        at = std::max(at, earliest(method_budget->arrival, rate, now));
    }
    if (per_channel) {
        forget_idle_channels(now);
        channel_budget = &channels_.try_emplace(std::string{channel}).first->second;
        at = std::max(at, earliest(channel_budget->arrival, limits_.per_channel_post, now));
    }
    if (method_budget)
        method_budget->arrival = after(method_budget->arrival, rate, at);
    if (channel_budget)
        channel_budget->arrival = after(channel_budget->arrival, limits_.per_channel_post, at);
    return at;
}

void Pacer::hold(std::string_view method, Clock::time_point until) {
    auto& held = held_.try_emplace(std::string{method}, until).first->second;
    held = std::max(held, until);
}

void Pacer::forget_idle_channels(Clock::time_point now) {
    if (channels_.size() < limits_.channels_remembered)
        return;
    // A channel whose budget is back to full has nothing to remember.
    std::erase_if(channels_, [&](const auto& entry) { return entry.second.arrival <= now; });
}

} // namespace cocbot::slack
