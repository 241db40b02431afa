// File: tests/server/http_session_test.cpp
// The HTTP server end to end on 127.0.0.1: routing, keep-alive, limits, timeouts, errors and
// graceful stop, driven by the blocking test client.
#include "bot/net.hpp"
#include "bot/server/listener.hpp"
#include "bot/server/router.hpp"
#include "sim/http_client.hpp"
#include "tests/server/test_server.hpp"

#include <doctest/doctest.h>
#include <future>
#include <string>

namespace {

using namespace std::chrono_literals;
using cocbot::tcp;
using cocbot::server::Limits;
using cocbot::server::Router;
using cocbot::server::Server;
using cocbot::sim::eventually;
using cocbot::sim::http_request;
using cocbot::sim::HttpConnection;
using cocbot::sim::raw_request;
using cocbot::testing::TestServer;
namespace net = cocbot::net;
namespace http = cocbot::http;

using Clock = std::chrono::steady_clock;

Limits short_limits() {
    Limits limits;
    limits.body_limit = 1024;
    limits.read_timeout = 300ms;
    limits.write_timeout = 1000ms;
    limits.shutdown_grace = 2000ms;
    return limits;
}

} // namespace

TEST_SUITE("http server") {

    TEST_CASE("a known route answers with what its handler returns") {
        TestServer ts;
        auto res = http_request(ts.port(), http::verb::post, "/echo", "hello, committee");
        CHECK(res.status == 200);
        CHECK(res.body == "hello, committee");
        CHECK(res.headers["content-type"].starts_with("text/plain"));

        SUBCASE("the query string does not change the route") {
            const auto with_query = http_request(ts.port(), http::verb::post, "/echo?x=1&y=2", "q");
            CHECK(with_query.status == 200);
            CHECK(with_query.body == "q");
        }
        REQUIRE(ts.stop_and_wait(2s));
        CHECK(ts.reports().empty());
    }

    TEST_CASE("an unknown path gets 404 and a known path with another verb gets 405 with Allow") {
        TestServer ts;
        const auto missing = http_request(ts.port(), http::verb::get, "/nowhere");
        CHECK(missing.status == 404);

        auto wrong_verb = http_request(ts.port(), http::verb::get, "/echo");
        CHECK(wrong_verb.status == 405);
        CHECK(wrong_verb.headers["allow"] == "POST, PUT");
    }

    TEST_CASE("two requests are served on one keep-alive connection") {
        TestServer ts;
        HttpConnection conn{ts.port()};
        const auto first = conn.send(http::verb::post, "/echo", "one");
        const auto second = conn.send(http::verb::post, "/echo", "two");
        CHECK(first.status == 200);
        CHECK(first.body == "one");
        CHECK(second.status == 200);
        CHECK(second.body == "two");
        CHECK(conn.is_open());
    }

    TEST_CASE("a client's Connection: close is honoured") {
        TestServer ts;
        HttpConnection conn{ts.port()};
        auto res = conn.send(http::verb::post, "/echo", "bye", {{"Connection", "close"}});
        CHECK(res.status == 200);
        CHECK(res.headers["connection"] == "close");
        CHECK(eventually([&] { return !conn.is_open(); }, 2s));
    }

    TEST_CASE("a body over the limit gets 413 and the connection is closed") {
        SUBCASE("a small configured limit") {
            TestServer ts{short_limits()};
            HttpConnection conn{ts.port()};
            auto res = conn.send(http::verb::post, "/echo", std::string(4096, 'x'));
            CHECK(res.status == 413);
            CHECK(res.body == "payload too large\n");
            CHECK(eventually([&] { return !conn.is_open(); }, 2s));

            // The server goes on serving others.
            CHECK(http_request(ts.port(), http::verb::post, "/echo", "ok").status == 200);
            REQUIRE(ts.stop_and_wait(2s));
            CHECK(ts.reports().empty());
        }
        SUBCASE("the default limit, with a body the client is still sending") {
            TestServer ts;
            const auto res = http_request(ts.port(), http::verb::post, "/echo",
                                          std::string(2 * 1024 * 1024, 'x'));
            CHECK(res.status == 413);
        }
    }

    TEST_CASE(
        "a client that expects 100-continue gets the go-ahead, or 413 before sending the body") {
        TestServer ts{short_limits()};
        SUBCASE("a body within the limit") {
            auto res = raw_request(ts.port(), "POST /echo HTTP/1.1\r\nHost: x\r\n"
                                              "Expect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            CHECK(res.status == 100);
        }
        SUBCASE("a body over the limit") {
            auto res =
                raw_request(ts.port(), "POST /echo HTTP/1.1\r\nHost: x\r\n"
                                       "Expect: 100-continue\r\nContent-Length: 5000\r\n\r\n");
            CHECK(res.status == 413);
        }
    }

    TEST_CASE("a malformed request gets 400") {
        TestServer ts;
        SUBCASE("not HTTP at all") {
            auto res = raw_request(ts.port(), "THIS IS NOT HTTP\r\n\r\n");
            CHECK(res.status == 400);
        }
        SUBCASE("a header line without a colon") {
            const auto res =
                raw_request(ts.port(), "GET /echo HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n");
            CHECK(res.status == 400);
        }
        SUBCASE("a negative Content-Length") {
            auto res = raw_request(ts.port(),
                                   "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n");
            CHECK(res.status == 400);
        }
        REQUIRE(ts.stop_and_wait(2s));
        CHECK(ts.reports().empty());
    }

    TEST_CASE(
        "a handler that throws gets 500 without the exception text and the server keeps serving") {
        TestServer ts;
        auto res = http_request(ts.port(), http::verb::get, "/throw?token=abc");
        CHECK(res.status == 500);
        CHECK(res.body.find("secret") == std::string::npos);
        CHECK(res.body.find("alice") == std::string::npos);

        CHECK(http_request(ts.port(), http::verb::post, "/echo", "still here").body ==
              "still here");

        REQUIRE(ts.stop_and_wait(2s));
        const auto reports = ts.reports();
        REQUIRE(reports.size() == 1);
        CHECK(reports[0].what == "handler");
        CHECK(reports[0].detail.find("GET /throw") != std::string::npos);
        // The operator learns the route and the kind of failure, not the text, which may quote
        // input.
        CHECK(reports[0].detail.find("runtime_error") != std::string::npos);
        CHECK(reports[0].detail.find("alice") == std::string::npos);
        CHECK(reports[0].detail.find("token") == std::string::npos);
    }

    TEST_CASE("an idle connection is closed after the read timeout, and that is not an error") {
        TestServer ts{short_limits()};
        SUBCASE("idle after a request") {
            HttpConnection conn{ts.port()};
            REQUIRE(conn.send(http::verb::post, "/echo", "x").status == 200);
            const auto idle_since = Clock::now();
            CHECK(conn.is_open());
            REQUIRE(eventually([&] { return !conn.is_open(); }, 3s));
            const auto idle = Clock::now() - idle_since;
            CHECK(idle >= 250ms);
            CHECK(idle < 2s);
        }
        SUBCASE("a connection that never sends a request") {
            HttpConnection conn{ts.port()};
            const auto idle_since = Clock::now();
            REQUIRE(eventually([&] { return !conn.is_open(); }, 3s));
            CHECK(Clock::now() - idle_since >= 250ms);
        }
        REQUIRE(ts.stop_and_wait(2s));
        CHECK(ts.reports().empty());
    }

    TEST_CASE("stop() lets a request in flight finish, closes idle connections and run() returns") {
        Limits limits;
        limits.read_timeout = 10s; // only stop() can close the idle connection in time
        limits.shutdown_grace = 2s;
        TestServer ts{limits};

        HttpConnection idle{ts.port()};
        REQUIRE(idle.send(http::verb::post, "/echo", "x").status == 200);

        auto slow = std::async(std::launch::async, [port = ts.port()] {
            return http_request(port, http::verb::get, "/slow", {}, {}, 3s);
        });
        REQUIRE(eventually([&] { return ts.slow_started(); }, 2s));

        const auto stop_at = Clock::now();
        CHECK(ts.stop_and_wait(2s));
        CHECK(Clock::now() - stop_at < 1s);

        auto res = slow.get();
        CHECK(res.status == 200);
        CHECK(res.body == "slow done");
        CHECK(res.headers["connection"] == "close");
        CHECK_FALSE(idle.is_open());
        CHECK(http_request(ts.port(), http::verb::post, "/echo", "late", {}, 1s).status == 0);
        CHECK(ts.reports().empty());
    }

    TEST_CASE("stop() closes a request still in flight when the grace period ends") {
        Limits limits;
        limits.shutdown_grace = 50ms;
        TestServer ts{limits};

        auto slow = std::async(std::launch::async, [port = ts.port()] {
            return http_request(port, http::verb::get, "/slow", {}, {}, 3s);
        });
        REQUIRE(eventually([&] { return ts.slow_started(); }, 2s));

        // run() returns once the handler itself has finished (its 300 ms timer).
        CHECK(ts.stop_and_wait(2s));
        CHECK(slow.get().status == 0);
    }

    TEST_CASE("stop() on a server with no connections lets run() return at once") {
        TestServer ts;
        const auto stop_at = Clock::now();
        CHECK(ts.stop_and_wait(2s));
        CHECK(Clock::now() - stop_at < 500ms);
    }

    TEST_CASE("start() on a port that is taken throws a system_error naming the endpoint") {
        TestServer ts;
        net::io_context other;
        Server second{other.get_executor(),
                      tcp::endpoint{net::ip::address_v4::loopback(), ts.port()}, Router{{}},
                      Limits{}, nullptr};
        try {
            second.start();
            FAIL("start() did not throw");
        } catch (const boost::system::system_error& e) {
            CHECK(e.code() == net::error::address_in_use);
            CHECK(std::string{e.what()}.find(std::to_string(ts.port())) != std::string::npos);
        }
    }

} // TEST_SUITE
