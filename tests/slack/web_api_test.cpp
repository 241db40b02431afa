// File: tests/slack/web_api_test.cpp
// The Web API client against FakeSlack on 127.0.0.1: bodies, headers, Slack's retry rules,
// timeouts, connection reuse.
#include "bot/slack/web_api.hpp"
#include "sim/fake_slack.hpp"
#include "tests/slack/web_api_calls.hpp"

#include <doctest/doctest.h>

namespace cocbot::slack {
namespace {

using cocbot::sim::FakeSlack;
using nlohmann::json;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

using testing::options_for;
using testing::run;
using testing::token;

std::chrono::milliseconds since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

// A port on 127.0.0.1 that nothing listens on.
std::uint16_t closed_port(net::io_context& io) {
    tcp::acceptor acceptor(io, {net::ip::make_address("127.0.0.1"), 0});
    return acceptor.local_endpoint().port();
}

TEST_SUITE("web_api") {

    TEST_CASE("parse_base_url accepts https anywhere and http only on loopback") {
        SUBCASE("https with a path") {
            const auto base = parse_base_url("https://slack.com/api/");
            REQUIRE(base);
            CHECK(base->tls);
            CHECK(base->host == "slack.com");
            CHECK(base->port == "443");
            CHECK(base->path == "/api/");
        }
        SUBCASE("the path always ends with a slash") {
            CHECK(parse_base_url("https://slack.com/api")->path == "/api/");
            CHECK(parse_base_url("https://slack.com")->path == "/");
        }
        SUBCASE("plain http on loopback hosts") {
            const auto base = parse_base_url("http://127.0.0.1:8080/api/");
            REQUIRE(base);
            CHECK_FALSE(base->tls);
            CHECK(base->port == "8080");
            CHECK(parse_base_url("http://127.1.2.3/")->port == "80");
            CHECK(parse_base_url("http://localhost:1/api/"));
            CHECK(parse_base_url("http://LocalHost/api/"));
            CHECK(parse_base_url("http://[::1]:9/api/")->host == "::1");
        }
        SUBCASE("rejected") {
            for (const char* url :
                 {"http://example.com/api/", "http://10.0.0.1/api/",
                  "http://localhost.example.com/", "http://127.0.0.1.example.com/",
                  "ftp://127.0.0.1/api/", "not a url", "", "https://user:secret@slack.com/api/",
                  "https://slack.com/api/?x=1", "https://slack.com:99999/api/",
                  "https://slack.com:0/api/", "https:///api/"}) {
                const std::string text = url;
                CAPTURE(text);
                CHECK_FALSE(parse_base_url(url));
            }
        }
    }

    TEST_CASE("the client constructs its TLS setup for https and refuses an unsafe base URL") {
        net::io_context io;
        CHECK_NOTHROW(WebApi(io.get_executor(), options_for("https://slack.com/api/")));
        CHECK_THROWS_AS(WebApi(io.get_executor(), options_for("http://example.com/api/")),
                        std::invalid_argument);
        CHECK_THROWS_AS(WebApi(io.get_executor(), options_for("garbage")), std::invalid_argument);
    }

    TEST_CASE("a call posts its arguments as JSON with the bearer token") {
        FakeSlack slack;
        net::io_context io;
        WebApi api(io.get_executor(), options_for(slack.base_url()));

        const auto result =
            run(io, api.call("chat.postMessage",
                             {{"channel", "C1"}, {"text", "hello"}, {"unfurl_links", false}}));

        CHECK(result.ok);
        CHECK(result.http_status == 200);
        CHECK(result.attempts == 1);
        CHECK(result.body["channel"] == "C1");
        CHECK(result.body["ts"].is_string());
        const auto calls = slack.calls("chat.postMessage");
        REQUIRE(calls.size() == 1);
        CHECK(calls[0].http_method == "POST");
        CHECK(calls[0].authorization == "Bearer xoxb-test-token");
        CHECK(calls[0].args["text"] == "hello");
        CHECK(calls[0].args["unfurl_links"] == false); // a boolean: only a JSON body keeps types
    }

    TEST_CASE("a get sends its query percent-encoded") {
        FakeSlack slack;
        net::io_context io;
        WebApi api(io.get_executor(), options_for(slack.base_url()));

        const auto result = run(io, api.get("users.info", {{"user", "U1"}, {"odd", "a b+c&d=é"}}));

        CHECK(result.ok);
        CHECK(result.body["user"]["id"] == "U1");
        const auto calls = slack.calls("users.info");
        REQUIRE(calls.size() == 1);
        CHECK(calls[0].http_method == "GET");
        CHECK(calls[0].args["odd"] == "a b+c&d=é");
    }

    TEST_CASE("ok:false surfaces Slack's error name without a retry") {
        FakeSlack slack;
        net::io_context io;
        WebApi api(io.get_executor(), options_for(slack.base_url()));
        slack.set_error("conversations.kick", "restricted_action");

        const auto result =
            run(io, api.call("conversations.kick", {{"channel", "G1"}, {"user", "U1"}}));

        CHECK_FALSE(result.ok);
        CHECK(result.error == "restricted_action");
        CHECK(result.http_status == 200);
        CHECK(result.attempts == 1);
        CHECK(slack.calls("conversations.kick").size() == 1);
    }

    TEST_CASE("a 200 that is not a Slack answer is invalid_response") {
        FakeSlack slack;
        net::io_context io;
        WebApi api(io.get_executor(), options_for(slack.base_url()));
        slack.respond("auth.test", [](const json&) { return json{{"hello", "world"}}; });

        const auto result = run(io, api.call("auth.test", json::object()));

        CHECK_FALSE(result.ok);
        CHECK(result.error == "invalid_response");
        CHECK(result.attempts == 1);
        CHECK(result.body["hello"] == "world");
    }

    TEST_CASE("a 429 waits for Retry-After and then succeeds") {
        FakeSlack slack;
        net::io_context io;
        WebApi api(io.get_executor(), options_for(slack.base_url()));
        slack.fail_next("auth.test", 429, 1, 1);

        const auto start = Clock::now();
        const auto result = run(io, api.call("auth.test", json::object()));

        CHECK(result.ok);
        CHECK(result.attempts == 2);
        CHECK(since(start) >= 900ms);
        CHECK(since(start) < 3s);
        const auto calls = slack.calls("auth.test");
        REQUIRE(calls.size() == 2);
        CHECK(calls[1].at - calls[0].at >= 900ms);
    }

    TEST_CASE("a 429 that does not end gives up with ratelimited") {
        FakeSlack slack;
        net::io_context io;
        auto options = options_for(slack.base_url());

        SUBCASE("after max_attempts") {
            slack.fail_next("auth.test", 429, 100, 0);
            WebApi api(io.get_executor(), options);
            const auto result = run(io, api.call("auth.test", json::object()));
            CHECK_FALSE(result.ok);
            CHECK(result.error == "ratelimited");
            CHECK(result.http_status == 429);
            CHECK(result.attempts == 3);
            CHECK(result.body["error"] == "ratelimited");
            CHECK(slack.calls("auth.test").size() == 3);
        }
        SUBCASE("waiting no longer than max_retry_after, and telling the caller the real wait") {
            slack.fail_next("auth.test", 429, 100, 30);
            options.max_retry_after = 0s;
            options.max_attempts = 2;
            WebApi api(io.get_executor(), options);
            const auto start = Clock::now();
            const auto result = run(io, api.call("auth.test", json::object()));
            CHECK(result.error == "ratelimited");
            CHECK(result.attempts == 2);
            CHECK(result.retry_after == std::chrono::seconds(30));
            CHECK(since(start) < 1s);
        }
    }

    TEST_CASE("server errors are retried with backoff, other HTTP errors are not") {
        FakeSlack slack;
        net::io_context io;
        auto options = options_for(slack.base_url());
        options.backoff = 50ms;
        WebApi api(io.get_executor(), options);

        SUBCASE("a 500 twice, then success") {
            slack.fail_next("auth.test", 500, 2);
            const auto start = Clock::now();
            const auto result = run(io, api.call("auth.test", json::object()));
            CHECK(result.ok);
            CHECK(result.attempts == 3);
            CHECK(since(start) >= 150ms); // 50 ms, then 100 ms
        }
        SUBCASE("a 503 that persists") {
            slack.fail_next("auth.test", 503, 100);
            const auto result = run(io, api.call("auth.test", json::object()));
            CHECK_FALSE(result.ok);
            CHECK(result.error == "http_503");
            CHECK(result.http_status == 503);
            CHECK(result.attempts == 3);
        }
        SUBCASE("a 404 is final") {
            slack.fail_next("auth.test", 404, 100);
            const auto result = run(io, api.call("auth.test", json::object()));
            CHECK(result.error == "http_404");
            CHECK(result.attempts == 1);
        }
    }

    TEST_CASE("a response slower than request_timeout is a timeout") {
        FakeSlack slack;
        net::io_context io;
        auto options = options_for(slack.base_url());
        options.request_timeout = 100ms;
        options.max_attempts = 2;
        WebApi api(io.get_executor(), options);
        slack.set_delay(400ms);

        const auto start = Clock::now();
        const auto result = run(io, api.call("auth.test", json::object()));

        CHECK_FALSE(result.ok);
        CHECK(result.error == "timeout");
        CHECK(result.attempts == 2);
        CHECK(since(start) < 2s);
    }

    TEST_CASE("a port with nothing listening is connection_failed") {
        net::io_context io;
        const auto port = closed_port(io);
        auto options = options_for("http://127.0.0.1:" + std::to_string(port) + "/api/");
        options.max_attempts = 2;
        WebApi api(io.get_executor(), options);

        const auto result = run(io, api.call("auth.test", json::object()));

        CHECK_FALSE(result.ok);
        CHECK(result.error == "connection_failed");
        CHECK(result.attempts == 2);
    }

    TEST_CASE("https to a server that does not speak TLS is tls_failed") {
        FakeSlack slack;
        net::io_context io;
        auto options = options_for("https://localhost:" + std::to_string(slack.port()) + "/api/");
        options.max_attempts = 1;
        WebApi api(io.get_executor(), options);

        const auto result = run(io, api.call("auth.test", json::object()));

        CHECK(result.error == "tls_failed");
        CHECK(slack.calls().empty());
    }

    TEST_CASE("connections are kept alive and reused") {
        FakeSlack slack;
        net::io_context io;
        WebApi api(io.get_executor(), options_for(slack.base_url()));

        SUBCASE("sequential calls share one connection") {
            CHECK(run(io, api.call("auth.test", json::object())).ok);
            CHECK(run(io, api.get("users.info", {{"user", "U1"}})).ok);
            CHECK(slack.connections_accepted() == 1);
            CHECK(api.idle_connections() == 1);
        }
        SUBCASE("overlapping calls each get a connection, then all are pooled") {
            slack.set_delay(200ms);
            int succeeded = 0;
            for (int i = 0; i < 3; ++i) {
                net::co_spawn(io, api.call("auth.test", json::object()),
                              [&](std::exception_ptr, ApiResult r) { succeeded += r.ok ? 1 : 0; });
            }
            io.run_for(5s);
            CHECK(succeeded == 3);
            CHECK(slack.connections_accepted() == 3); // in flight together: none was reused
            CHECK(api.idle_connections() == 3);
            slack.set_delay(0ms);
            CHECK(run(io, api.call("auth.test", json::object())).ok);
            CHECK(slack.connections_accepted() == 3);
        }
        SUBCASE("a pooled connection the server closed is replaced without costing an attempt") {
            CHECK(run(io, api.call("auth.test", json::object())).ok);
            // Whether or not the FIN has reached the client yet, the write or the read on the
            // pooled connection fails before any byte of an answer arrives.
            slack.drop_connections();
            const auto result = run(io, api.call("auth.test", json::object()));
            CHECK(result.ok);
            CHECK(result.attempts == 1);
            CHECK(slack.connections_accepted() == 2);
        }
    }

} // TEST_SUITE

} // namespace
} // namespace cocbot::slack
