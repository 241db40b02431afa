// File: tests/slack/web_api_pacing_test.cpp
// The Web API client paced by Slack's rate limits against FakeSlack on 127.0.0.1: calls wait
// their turn, a 429 holds back the calls after it, and an unpaced client never waits.
#include "bot/slack/web_api.hpp"
#include "sim/fake_slack.hpp"
#include "tests/slack/web_api_calls.hpp"

#include <doctest/doctest.h>

namespace cocbot::slack {
namespace {

using cocbot::sim::FakeSlack;
using nlohmann::json;
using testing::options_for;
using testing::run;
using namespace std::chrono_literals;

// chat.update at 5 a second with no burst: the second call waits 200 ms for its turn.
WebApiOptions paced(const std::string& base_url) {
    auto options = options_for(base_url);
    PacerLimits limits = slack_limits();
    limits.methods["chat.update"] = Rate{300, 1};
    options.pacing = limits;
    return options;
}

awaitable<ApiResult> twice(WebApi& api, const char* method, json args) {
    (void)co_await api.call(method, args);
    co_return co_await api.call(method, args);
}

} // namespace

TEST_SUITE("web_api pacing") {
    TEST_CASE("a paced client sends a method's calls no faster than its rate") {
        FakeSlack slack;
        net::io_context io;
        WebApi api(io.get_executor(), paced(slack.base_url()));
        // Slack's answer (message_not_found here) is not the point: when the calls reached it is.
        (void)run(io, twice(api, "chat.update", json{{"channel", "C1"}, {"ts", "1.2"}}));
        const auto calls = slack.calls("chat.update");
        REQUIRE(calls.size() == 2);
        CHECK(calls[1].at - calls[0].at >= 150ms);
    }

    TEST_CASE("after a 429 the method's next call also waits for Retry-After") {
        FakeSlack slack;
        net::io_context io;
        auto options = paced(slack.base_url());
        options.max_attempts = 1; // the caller gives up at once; the pacer still remembers
        WebApi api(io.get_executor(), options);
        slack.fail_next("chat.postEphemeral", 429, 1, 1);
        (void)run(io, twice(api, "chat.postEphemeral", json{{"channel", "C1"}}));
        const auto calls = slack.calls("chat.postEphemeral");
        REQUIRE(calls.size() == 2);
        CHECK(calls[1].at - calls[0].at >= 900ms);
    }

    TEST_CASE("an unpaced client sends calls back to back") {
        FakeSlack slack;
        net::io_context io;
        WebApi api(io.get_executor(), options_for(slack.base_url()));
        for (int i = 0; i < 3; ++i)
            (void)run(io, twice(api, "conversations.create", json{{"name", "x"}}));
        CHECK(slack.calls("conversations.create").size() == 6);
        CHECK(slack.calls("conversations.create").back().at -
                  slack.calls("conversations.create").front().at <
              2s); // paced, the sixth would wait 9 s
    }
}

} // namespace cocbot::slack
