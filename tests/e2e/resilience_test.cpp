// File: tests/e2e/resilience_test.cpp
// End-to-end: bad input, a slow or rate-limiting Slack, and crashes between commit and effect.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>
#include <filesystem>

using namespace cocbot::testing;
using namespace std::chrono_literals;
using nlohmann::json;
namespace http = boost::beast::http;

namespace {

const ReportInput report = plain_report();

auto posts_in(const std::string& channel) {
    return [channel](const std::vector<RecordedCall>& calls) {
        for (const auto& c : calls)
            if (c.method == "chat.postMessage" && c.args.value("channel", "") == channel)
                return true;
        return false;
    };
}

// Calls of `method` addressed to `channel`.
std::size_t count_calls(const FakeSlack& slack, std::string_view method,
                        const std::string& channel = committee_channel) {
    std::size_t count = 0;
    for (const auto& c : slack.calls(method))
        count += c.args.value("channel", "") == channel;
    return count;
}

} // namespace

TEST_SUITE("e2e: bad input") {
    TEST_CASE("unsigned, stale and tampered requests get 401 and change nothing") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto body = form_body({{"command", "/coc"},
                                     {"text", "help"},
                                     {"user_id", "U1"},
                                     {"channel_id", "C1"},
                                     {"trigger_id", "t"}});
        const auto form = "application/x-www-form-urlencoded";

        CHECK(http_request(bot.port(), http::verb::post, "/slack/events", body,
                           {{"Content-Type", form}})
                  .status == 401);
        CHECK(bot.send_signed_at(form, body, unix_now() - 301).status == 401);
        CHECK(bot.send_signed_at(form, body, unix_now() + 301).status == 401);
        auto headers = slack_headers(signing_secret, body, form, unix_now());
        CHECK(http_request(bot.port(), http::verb::post, "/slack/events", body + "x", headers)
                  .status == 401);
        headers = slack_headers("not-the-secret", body, form, unix_now());
        CHECK(http_request(bot.port(), http::verb::post, "/slack/events", body, headers).status ==
              401);

        ReportInput valid = report;
        const auto submission = bot.submit_report("U1", valid); // the one signed request
        REQUIRE(submission.status == 200);
        REQUIRE(slack.wait_for(posts_in(committee_channel), 10s));
        CHECK(count_calls(slack, "chat.postMessage") == 1);
        CHECK(bot.log().find(signing_secret) == std::string::npos);
        CHECK(bot.log().find(bot_token) == std::string::npos);
    }

    TEST_CASE("oversized bodies get 413, malformed ones 400, and the bot keeps serving") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const std::string huge(2 * 1024 * 1024, 'a');
        CHECK(bot.send("application/x-www-form-urlencoded", "payload=" + huge).status == 413);
        CHECK(bot.send("application/x-www-form-urlencoded", "payload=%7Bnot-json").status == 400);
        CHECK(bot.send("application/x-www-form-urlencoded", "a=%zz").status == 400);
        CHECK(bot.send("application/json", "{\"type\":").status == 400);
        CHECK(bot.send("application/json", R"({"type":"something_else"})").status == 400);
        CHECK(bot.send("application/x-www-form-urlencoded",
                       payload_body({{"type", "dialog_submission"}}))
                  .status == 400);
        CHECK(bot.send("text/plain", "hello").status == 400);
        CHECK(http_request(bot.port(), http::verb::get, "/slack/events").status == 405);
        CHECK(http_request(bot.port(), http::verb::get, "/nowhere").status == 404);
        CHECK(http_request(bot.port(), http::verb::get, "/healthz").status == 200);
        CHECK(slack.calls("chat.postMessage").empty());
    }

    TEST_CASE("url_verification is answered with the challenge") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto response = bot.send(
            "application/json",
            R"({"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"})");
        REQUIRE(response.status == 200);
        CHECK(json::parse(response.body)["challenge"] ==
              "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    TEST_CASE("a retried event delivery is acknowledged and recognised as a duplicate") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const json envelope{{"type", "event_callback"},
                            {"team_id", "T0001"},
                            {"api_app_id", "A0001"},
                            {"event_id", "Ev0001"},
                            {"event_time", 1700000000},
                            {"event",
                             {{"type", "app_home_opened"},
                              {"user", "UALICE"},
                              {"channel", "D0001"},
                              {"tab", "home"},
                              {"event_ts", "1700000000.1"}}}};
        CHECK(bot.event(envelope).status == 200);
        CHECK(bot.event(envelope).status == 200);
        CHECK(bot.log().find("outcome=duplicate") != std::string::npos);
    }
}

TEST_SUITE("e2e: a slow or unwell Slack") {
    TEST_CASE("with every Web API call taking 2 seconds, Slack is still answered well within 3") {
        FakeSlack slack;
        slack.set_delay(2s);
        Bot bot{slack};
        bot.start();
        const auto opened = bot.slash("UANYONE", "report");
        CHECK(opened.status == 200);
        CHECK(opened.elapsed < 1500ms);
        const auto filed = bot.submit_report("UTAKER", report);
        CHECK(filed.status == 200);
        CHECK(filed.elapsed < 1500ms);
        const auto help = bot.slash("UANYONE", "help");
        CHECK(help.elapsed < 1500ms);
        REQUIRE(slack.wait_for(posts_in(committee_channel), 15s));
        CHECK(slack.calls("views.open").size() == 1);
    }

    TEST_CASE("a 429 with Retry-After is honoured and the prompt is posted exactly once") {
        FakeSlack slack;
        slack.fail_next("chat.postMessage", 429, 1, 1);
        Bot bot{slack};
        bot.start();
        REQUIRE(bot.submit_report("UTAKER", report).status == 200);
        REQUIRE(wait_messages(slack, committee_channel, 1));
        const auto attempts = slack.calls("chat.postMessage");
        REQUIRE(count_calls(slack, "chat.postMessage") == 2);
        CHECK(attempts[1].at - attempts[0].at >= 900ms);
        REQUIRE(bot.wait_idle());
        CHECK(slack.messages(committee_channel).size() == 1);
    }

    TEST_CASE("killed after the commit and before the prompt, the restarted bot posts it once") {
        FakeSlack slack;
        FakeSlack unreachable; // Slack is down while the report comes in
        unreachable.fail_next("chat.postMessage", 500, 1000);
        Bot first{unreachable};
        first.start();
        REQUIRE(first.submit_report("UTAKER", report).status == 200);
        REQUIRE(unreachable.wait_for(posts_in(committee_channel), 10s));
        first.kill();
        CHECK(unreachable.messages(committee_channel).empty());

        // Same data folder, now pointed at a healthy Slack.
        Bot second{slack, {{"COCBOT_STORAGE_PATH", first.database_path()}}};
        second.start();
        REQUIRE(wait_messages(slack, committee_channel, 1, 30s));
        REQUIRE(second.wait_idle());
        CHECK(slack.messages(committee_channel).size() == 1);
    }

    TEST_CASE("killed after Slack took the post but before it was recorded, no second prompt") {
        FakeSlack slack;
        slack.set_delay(3s); // the post lands, the answer is slow: kill inside that window
        Bot bot{slack};
        bot.start();
        REQUIRE(bot.submit_report("UTAKER", report).status == 200);
        REQUIRE(slack.wait_for(posts_in(committee_channel), 10s));
        bot.kill();
        REQUIRE(slack.messages(committee_channel).size() == 1);

        slack.set_delay(0ms);
        bot.start();
        REQUIRE(slack.wait_for(
            [](const auto& calls) {
                for (const auto& c : calls)
                    if (c.method == "conversations.history")
                        return true;
                return false;
            },
            30s));
        REQUIRE(bot.wait_idle());
        CHECK(slack.messages(committee_channel).size() == 1);
        CHECK(count_calls(slack, "chat.postMessage") == 1);
    }

    TEST_CASE("killed while sharing escrowed reports, the restarted bot shares each once") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        for (const auto* account : {"First older account", "Second older account"}) {
            ReportInput escrowed = report;
            escrowed.description = account;
            escrowed.flags = {"escrow"};
            REQUIRE(bot.submit_report("UCAROL", escrowed).status == 200);
        }
        const auto reference = reference_from(bot.submit_report("UALICE", report));
        const auto channel = incident_channel(slack, reference);
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(bot.click("UALICE", "activate_escrow", reference, channel).status == 200);
        REQUIRE(eventually([&] { return motion_ts(slack, channel, reference, 1).has_value(); }));

        // The first report lands, its answer is slow: kill inside that window.
        slack.set_delay(1s);
        REQUIRE(bot.ballot("UALICE", reference, 1, true, channel).status == 200);
        const auto shared = [&](const std::string& account) {
            std::size_t count = 0;
            for (const auto& m : slack.messages(channel))
                count += m.blocks.dump().find(account) != std::string::npos;
            return count;
        };
        REQUIRE(eventually([&] { return shared("First older account") == 1; }, 30s));
        bot.kill();
        REQUIRE(shared("Second older account") == 0);

        slack.set_delay(0ms);
        bot.start();
        REQUIRE(eventually([&] { return shared("Second older account") == 1; }, 30s));
        REQUIRE(bot.wait_idle());
        CHECK(shared("First older account") == 1);
        CHECK(shared("Second older account") == 1);
    }

    TEST_CASE("posts and invites to a channel archived by hand fail for good, and are logged") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto reference = reference_from(bot.submit_report("UTAKER", report));
        const auto channel = incident_channel(slack, reference);
        REQUIRE(wait_messages(slack, channel, 2));
        const json archive{{"channel", channel}};
        REQUIRE(json::parse(http_request(slack.port(), http::verb::post,
                                         "/api/conversations.archive", archive.dump(),
                                         {{"Content-Type", "application/json"},
                                          {"Authorization", "Bearer xoxp-a-human"}})
                                .body)["ok"] == true);
        REQUIRE(slack.archived(channel));

        // Alice's declaration invites her and posts a notice there: both refused, not retried.
        REQUIRE(bot.click("UALICE", "conflict_none", reference, committee_channel).status == 200);
        REQUIRE(eventually([&] {
            return bot.log().find("outcome=failed error=is_archived") != std::string::npos;
        }));
        CHECK(count_calls(slack, "chat.postMessage", channel) >= 1);
        CHECK(bot.log().find("outcome=retry error=is_archived") == std::string::npos);
        CHECK(slack.members(channel).count("UALICE") == 0);
        CHECK(wait_messages(slack, channel, 2));
    }

    TEST_CASE("SIGTERM stops the bot cleanly") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        CHECK(bot.terminate() == 0);
        CHECK(bot.log().find("stopped") != std::string::npos);
    }

    TEST_CASE("cocbot refuses to run on a test clock unless Slack is on loopback") {
        TestClock clock; // its folder holds the log and would hold the database
        const auto log = clock.file() + ".log";
        ChildProcess refused{COCBOT_BINARY,
                             {"serve"},
                             {{"SLACK_SIGNING_SECRET", signing_secret},
                              {"SLACK_BOT_TOKEN", bot_token},
                              {"COCBOT_COMMITTEE_CHANNEL", committee_channel},
                              {"COCBOT_HTTP_LISTEN", "127.0.0.1:" + std::to_string(free_port())},
                              {"COCBOT_STORAGE_PATH", clock.file() + ".db"},
                              {"COCBOT_TEST_CLOCK_FILE", clock.file()}},
                             log};
        const auto status = refused.wait(10s);
        REQUIRE(status.has_value());
        CHECK(*status == 2);
        CHECK(read_file(log).find("COCBOT_TEST_CLOCK_FILE is for tests") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(clock.file() + ".db"));
    }
}
