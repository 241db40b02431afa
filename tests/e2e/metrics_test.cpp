// File: tests/e2e/metrics_test.cpp
// End-to-end: GET /metrics on the real binary, what it counts after a report, and whom it
// answers.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;
using namespace std::chrono_literals;
namespace http = boost::beast::http;

namespace {

HttpResponse metrics(Bot& bot, Headers headers = {}) {
    return http_request(bot.port(), http::verb::get, "/metrics", {}, std::move(headers), 2s);
}

bool counts(const std::string& text, const std::string& series) {
    const auto at = text.find("\n" + series + " ");
    return at != std::string::npos && text.compare(at + series.size() + 2, 2, "0\n") != 0;
}

} // namespace

TEST_SUITE("e2e: metrics") {
    TEST_CASE("after a report, /metrics counts the request, the commit and the Slack calls, and "
              "names nobody") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        const auto filed = bot.submit_report("UTAKER", shoulder_report("UREPORTED", "phone"));
        REQUIRE(filed.status == 200);
        const auto reference = reference_from(filed);
        REQUIRE(wait_messages(slack, committee_channel, 1));
        REQUIRE(bot.wait_idle());

        const auto answer = metrics(bot);
        REQUIRE(answer.status == 200);
        CHECK(answer.headers.at("content-type").starts_with("text/plain; version=0.0.4"));
        const auto& text = answer.body;
        CHECK(counts(text, R"(cocbot_requests_total{kind="view_submission",outcome="filed"})"));
        CHECK(counts(text, "cocbot_commits_total"));
        CHECK(counts(text,
                     R"(cocbot_slack_api_attempts_total{method="chat.postMessage",result="ok"})"));
        CHECK(counts(text, R"(cocbot_ack_latency_seconds_bucket{le="3"})"));
        CHECK(text.find("\ncocbot_outbox_pending ") != std::string::npos);
        CHECK(text.find(R"(cocbot_health_check_ok{check="database"} 1)") != std::string::npos);
        for (const auto& secret :
             {std::string{"UTAKER"}, std::string{"UREPORTED"}, std::string{"UALICE"},
              std::string{"Dana"}, std::string{"shoulder"}, reference}) {
            CAPTURE(secret);
            CHECK(text.find(secret) == std::string::npos);
        }
    }

    TEST_CASE("/metrics is not found through a reverse proxy unless made public") {
        FakeSlack slack;
        Bot bot{slack};
        bot.start();
        CHECK(metrics(bot, {{"X-Forwarded-For", "203.0.113.7"}}).status == 404);
        CHECK(metrics(bot).status == 200);
        bot.terminate();

        bot.set_env("COCBOT_HTTP_METRICS_PUBLIC", "true");
        bot.start();
        CHECK(metrics(bot, {{"X-Forwarded-For", "203.0.113.7"}}).status == 200);
    }
}
