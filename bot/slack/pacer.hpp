// File: bot/slack/pacer.hpp
// Slack's rate limits, kept by the client instead of discovered as 429s: each Web API method
// at its tier's rate ("per API method per app per workspace", per minute), and chat.postMessage
// at about one message per second per channel, each with a short burst. Pure bookkeeping on
// times it is given, so it is tested without a clock; the Web API client sleeps until the time
// reserve() returns.
//
// Each budget is a generic cell rate (GCRA): a call may go at the latest of now and the budget's
// theoretical arrival time less the burst it tolerates; sending it moves that time on by one
// interval.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace cocbot::slack {

struct Rate {
    int per_minute = 50;
    int burst = 5; // calls that may go back to back before the rate applies
};

struct PacerLimits {
    // A method's rate, by name; methods not listed get `other` (Slack's Tier 3), and the ones
    // listed with per_minute 0 are not paced at all.
    std::map<std::string, Rate, std::less<>> methods;
    Rate other;
    Rate per_channel_post{60, 3};          // chat.postMessage, each channel on its own
    std::size_t channels_remembered = 256; // idle channel budgets beyond this are forgotten
};

// Slack's published tiers for the methods cocbot calls (Tier 2: 20/min, Tier 3: 50/min, Tier 4:
// 100/min; Special: chat.postMessage per channel, auth.test unpaced).
PacerLimits slack_limits();

class Pacer {
public:
    using Clock = std::chrono::steady_clock;

    explicit Pacer(PacerLimits limits = slack_limits()) : limits_(std::move(limits)) {}

    // When a call of `method` (to `channel`, for chat.postMessage) may be sent, if sent no
    // earlier than `now`; the slot is taken, so the next call is placed after it.
    Clock::time_point reserve(std::string_view method, std::string_view channel,
                              Clock::time_point now);

    // Slack said 429 with Retry-After: no call of `method` before `until`.
    void hold(std::string_view method, Clock::time_point until);

    std::size_t channels_tracked() const { return channels_.size(); }

private:
    struct Budget {
        Clock::time_point arrival{}; // the theoretical arrival time of the next call
    };

    Rate rate_of(std::string_view method) const;
    void forget_idle_channels(Clock::time_point now);

    PacerLimits limits_;
    std::map<std::string, Budget, std::less<>> methods_;
    std::map<std::string, Budget, std::less<>> channels_;
    std::map<std::string, Clock::time_point, std::less<>> held_; // by 429s, until then
};

} // namespace cocbot::slack
