// File: tests/app/metrics_test.cpp
// The /metrics exposition: Prometheus' text format, cumulative latency buckets, and labels that
// stay plain words in a bounded set whatever Slack answers.
#include "bot/app/metrics.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace cocbot;
using namespace std::chrono_literals;

const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14

bool has_line(const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos || text.starts_with(line + "\n");
}

// Every `cocbot_<lowercase and underscores>` word in `text`.
std::vector<std::string> metric_names(const std::string& text) {
    std::vector<std::string> names;
    for (auto at = text.find("cocbot_"); at != std::string::npos; at = text.find("cocbot_", at)) {
        auto end = at + 7;
        while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') || text[end] == '_'))
            ++end;
        names.push_back(text.substr(at, end - at));
        at = end;
    }
    return names;
}

} // namespace

TEST_CASE("requests are counted by kind and outcome, with a cumulative latency histogram") {
    app::Metrics metrics;
    metrics.request("slash_command", "modal_opening", 800us);
    metrics.request("slash_command", "modal_opening", 4ms);
    metrics.request("view_submission", "filed", 40ms);
    const auto text = metrics.render(t0, {});
    CHECK(
        has_line(text, R"(cocbot_requests_total{kind="slash_command",outcome="modal_opening"} 2)"));
    CHECK(has_line(text, R"(cocbot_requests_total{kind="view_submission",outcome="filed"} 1)"));
    CHECK(has_line(text, "# TYPE cocbot_requests_total counter"));
    CHECK(has_line(text, "# TYPE cocbot_ack_latency_seconds histogram"));
    CHECK(has_line(text, R"(cocbot_ack_latency_seconds_bucket{le="0.001"} 1)"));
    CHECK(has_line(text, R"(cocbot_ack_latency_seconds_bucket{le="0.005"} 2)"));
    CHECK(has_line(text, R"(cocbot_ack_latency_seconds_bucket{le="0.05"} 3)"));
    CHECK(has_line(text, R"(cocbot_ack_latency_seconds_bucket{le="+Inf"} 3)"));
    CHECK(has_line(text, "cocbot_ack_latency_seconds_count 3"));
    CHECK(text.find("\ncocbot_ack_latency_seconds_sum 0.0448") != std::string::npos);
}

TEST_CASE("web api attempts are counted by method and result, and 429s on their own") {
    app::Metrics metrics;
    metrics.api_attempt("chat.postMessage", "");
    metrics.api_attempt("chat.postMessage", "ratelimited");
    metrics.api_attempt("conversations.invite", "already_in_channel");
    const auto text = metrics.render(t0, {});
    CHECK(has_line(text,
                   R"(cocbot_slack_api_attempts_total{method="chat.postMessage",result="ok"} 1)"));
    CHECK(has_line(
        text,
        R"(cocbot_slack_api_attempts_total{method="chat.postMessage",result="ratelimited"} 1)"));
    CHECK(has_line(text, R"(cocbot_slack_ratelimited_total{method="chat.postMessage"} 1)"));
    CHECK(has_line(
        text,
        R"(cocbot_slack_api_attempts_total{method="conversations.invite",result="already_in_channel"} 1)"));
}

TEST_CASE("a label value that is not a plain word, or one too many, is counted as other") {
    app::Metrics metrics;
    metrics.api_attempt("chat.postMessage", "Alex said \"no\"\nto U0123"); // an odd answer
    for (std::size_t i = 0; i < app::Metrics::max_values_per_label + 10; ++i)
        metrics.api_attempt("chat.postMessage", "error_" + std::to_string(i));
    const auto text = metrics.render(t0, {});
    CHECK(text.find("Alex") == std::string::npos);
    CHECK(has_line(
        text, R"(cocbot_slack_api_attempts_total{method="chat.postMessage",result="other"} 12)"));
    CHECK(has_line(
        text, R"(cocbot_slack_api_attempts_total{method="chat.postMessage",result="error_62"} 1)"));
    CHECK(text.find("error_63") == std::string::npos); // "other" took the 64th place
}

TEST_CASE("the probe's gauges appear once probed, with the age of the oldest waiting effect") {
    app::Metrics metrics;
    CHECK(metrics.render(t0, {}).find("cocbot_outbox_pending") == std::string::npos);
    metrics.probed(3, t0 - 90s, t0 + 1h);
    const auto text = metrics.render(t0, {{"database", true, ""}, {"outbox", false, "stuck"}});
    CHECK(has_line(text, "cocbot_outbox_pending 3"));
    CHECK(has_line(text, "cocbot_outbox_oldest_pending_age_seconds 90"));
    CHECK(has_line(text, "cocbot_scheduler_next_check_timestamp_seconds 1773450000"));
    CHECK(has_line(text, R"(cocbot_health_check_ok{check="database"} 1)"));
    CHECK(has_line(text, R"(cocbot_health_check_ok{check="outbox"} 0)"));
}

TEST_CASE("reminders and commits are counted, and a counter without labels starts at zero") {
    app::Metrics metrics;
    CHECK(has_line(metrics.render(t0, {}), "cocbot_commits_total 0"));
    metrics.committed();
    metrics.reminder_sent("acknowledge_due");
    const auto text = metrics.render(t0, {});
    CHECK(has_line(text, "cocbot_commits_total 1"));
    CHECK(has_line(text, R"(cocbot_reminders_sent_total{kind="acknowledge_due"} 1)"));
}

TEST_CASE("label values are escaped as the text format requires") {
    CHECK(app::escaped_label("a\"b\\c\nd") == "a\\\"b\\\\c\\nd");
}

TEST_CASE("every metric the deployed alerting rules name is one cocbot exposes") {
    std::ifstream file{COCBOT_FIXTURES_DIR "/../../deploy/prometheus-alerts.yml"};
    REQUIRE(file);
    std::stringstream rules;
    rules << file.rdbuf();
    app::Metrics metrics;
    metrics.probed(0, std::nullopt, t0);
    metrics.api_attempt("chat.postMessage", "ratelimited");
    const auto exposed = metrics.render(t0, {{"database", true, ""}});
    const auto names = metric_names(rules.str());
    for (const auto& name : names) {
        CAPTURE(name);
        CHECK(exposed.find("\n" + name) != std::string::npos);
    }
    CHECK(names.size() >= 3);
}
