// File: tests/slack/pacer_test.cpp
// Slack's rate limits kept by the client: each method at its tier with a short burst,
// chat.postMessage per channel, and a 429's Retry-After respected by the calls after it.
#include "bot/slack/pacer.hpp"

#include <doctest/doctest.h>
#include <vector>

namespace {

using namespace cocbot::slack;
using namespace std::chrono_literals;
using Clock = Pacer::Clock;

const Clock::time_point t0{std::chrono::hours{1}};

// When each of `calls` back-to-back calls of `method` may go, all asked for at t0.
std::vector<Clock::duration> turns(Pacer& pacer, const char* method, int calls,
                                   const char* channel = "") {
    std::vector<Clock::duration> at;
    for (int i = 0; i < calls; ++i)
        at.push_back(pacer.reserve(method, channel, t0) - t0);
    return at;
}

} // namespace

TEST_CASE("a tier 2 method goes three at once, then one every three seconds") {
    Pacer pacer;
    CHECK(turns(pacer, "conversations.create", 5) ==
          std::vector<Clock::duration>{0s, 0s, 0s, 3s, 6s});
}

TEST_CASE("a method's budget refills with time, up to its burst") {
    Pacer pacer;
    (void)turns(pacer, "conversations.create", 3);
    CHECK(pacer.reserve("conversations.create", "", t0 + 3s) == t0 + 3s);
    CHECK(pacer.reserve("conversations.create", "", t0 + 3s) == t0 + 6s);
    // A minute later the whole burst is back.
    for (int i = 0; i < 3; ++i)
        CHECK(pacer.reserve("conversations.create", "", t0 + 70s) == t0 + 70s);
    CHECK(pacer.reserve("conversations.create", "", t0 + 70s) == t0 + 73s);
}

TEST_CASE("messages go about one a second per channel, each channel on its own") {
    Pacer pacer;
    CHECK(turns(pacer, "chat.postMessage", 5, "C1") ==
          std::vector<Clock::duration>{0s, 0s, 0s, 1s, 2s});
    CHECK(turns(pacer, "chat.postMessage", 2, "C2") == std::vector<Clock::duration>{0s, 0s});
}

TEST_CASE("methods are paced apart from each other, and auth.test not at all") {
    Pacer pacer;
    (void)turns(pacer, "conversations.create", 3);
    CHECK(pacer.reserve("conversations.invite", "", t0) == t0);
    CHECK(turns(pacer, "auth.test", 50).back() == 0s);
}

TEST_CASE("an unknown method is paced as tier 3") {
    Pacer pacer;
    const auto at = turns(pacer, "conversations.setTopic", 6);
    CHECK(at[4] == 0s);
    CHECK(at[5] == 1200ms);
}

TEST_CASE("after a 429 no call of that method goes before its Retry-After") {
    Pacer pacer;
    pacer.hold("chat.update", t0 + 30s);
    CHECK(pacer.reserve("chat.update", "", t0) == t0 + 30s);
    CHECK(pacer.reserve("chat.postEphemeral", "", t0) == t0); // other methods go on
    pacer.hold("chat.postMessage", t0 + 5s);                  // a Special method is held too
    CHECK(pacer.reserve("chat.postMessage", "C1", t0) == t0 + 5s);
    CHECK(pacer.reserve("chat.postMessage", "C1", t0 + 10s) == t0 + 10s); // the hold is over
}

TEST_CASE("channels whose budget is full again are forgotten, so the pacer stays small") {
    PacerLimits limits = slack_limits();
    limits.channels_remembered = 8;
    Pacer pacer{limits};
    for (int i = 0; i < 100; ++i)
        (void)pacer.reserve("chat.postMessage", "C" + std::to_string(i),
                            t0 + std::chrono::seconds{10 * i});
    CHECK(pacer.channels_tracked() <= 8);
}
