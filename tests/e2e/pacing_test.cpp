// File: tests/e2e/pacing_test.cpp
// End-to-end, with pacing on as in production: a burst of reports is acknowledged at once,
// and their channels are created at Slack's Tier 2 rate rather than all together.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;
using namespace std::chrono_literals;

TEST_SUITE("e2e: pacing") {
    TEST_CASE("a burst of reports is acknowledged at once, and channels are made at Slack's "
              "rate") {
        FakeSlack slack;
        Bot bot{slack, {{"COCBOT_SLACK_PACING", "true"}}};
        bot.start();
        std::vector<std::string> references;
        for (int i = 0; i < 4; ++i) {
            const auto filed = bot.submit_report("UTAKER", plain_report());
            REQUIRE(filed.status == 200);
            CHECK(filed.elapsed < 1s);
            references.push_back(reference_from(filed));
        }
        // The first member cleared of each opens its channel.
        for (const auto& reference : references) {
            const auto cleared = bot.click("UALICE", "conflict_none", reference, committee_channel);
            REQUIRE(cleared.status == 200);
            CHECK(cleared.elapsed < 1s);
        }
        REQUIRE(slack.wait_for(
            [](const auto& calls) {
                int creates = 0;
                for (const auto& c : calls)
                    creates += c.method == "conversations.create";
                return creates == 4;
            },
            20s));
        const auto creates = slack.calls("conversations.create");
        // Tier 2: three at once, the fourth one interval (3 s) after the burst began.
        CHECK(creates[3].at - creates[0].at >= 2500ms);
        CHECK(creates[2].at - creates[0].at < 2s);
        CHECK(slack.calls("conversations.create").size() == 4);
    }
}
