// File: tests/server/limits_test.cpp
// Hostile input over a real socket: each case gets its 4xx, costs no memory, and the server
// lives on to answer the next ordinary request.
#include "bot/net.hpp"
#include "bot/server/http_session.hpp"
#include "sim/http_client.hpp"
#include "tests/server/raw_client.hpp"
#include "tests/server/test_server.hpp"

#include <doctest/doctest.h>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace std::chrono_literals;
using cocbot::server::Limits;
using cocbot::sim::eventually;
using cocbot::sim::http_request;
using cocbot::sim::HttpConnection;
using cocbot::sim::raw_request;
using cocbot::testing::peak_memory_kib;
using cocbot::testing::RawClient;
using cocbot::testing::TestServer;
namespace http = cocbot::http;

using Clock = std::chrono::steady_clock;

constexpr std::size_t MiB = 1024 * 1024;

const std::string chunked_head = "POST /slack/events HTTP/1.1\r\nHost: a\r\n"
                                 "Transfer-Encoding: chunked\r\n\r\n";

// After a hostile request: nothing escaped io_context::run() and an ordinary request works.
void check_still_serving(TestServer& ts) {
    CHECK_MESSAGE(!ts.crash(), "escaped io_context::run(): " << ts.crash().value_or(""));
    const auto res = http_request(ts.port(), http::verb::get, "/healthz", {}, {}, 3s);
    CHECK(res.status == 200);
    CHECK(res.body == "ok\n");
}

std::string with_header_of(std::size_t size) {
    return "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(size, 'h') + "\r\n\r\n";
}

} // namespace

TEST_SUITE("http server limits") {

    TEST_CASE("a chunked request whose trailer has a 70,000-byte field gets 411 and no crash") {
        TestServer ts;
        auto res = raw_request(ts.port(),
                               chunked_head + "0\r\nX-T: " + std::string(70000, 't') + "\r\n\r\n");
        CHECK(res.status == 411);
        CHECK(res.headers["connection"] == "close");
        check_still_serving(ts);
        REQUIRE(ts.stop_and_wait(3s));
        CHECK(ts.reports().empty());
    }

    TEST_CASE("a 48 MiB chunk extension gets 411 early, is never buffered, and no crash") {
        TestServer ts;
        const std::size_t peak_before = peak_memory_kib();
        RawClient client{ts.port()};
        REQUIRE(client.connected());
        REQUIRE(client.send(chunked_head + "1;x=", 2s));
        // The answer comes as soon as the header is read, before the extension is sent.
        const auto res = client.read_response(3s);
        CHECK(res.status == 411);
        CHECK(res.body == "length required\n");

        // The server reads a little of the rest, then hangs up instead of taking it all.
        constexpr std::size_t extension = 48 * MiB;
        const std::size_t sent = client.stream('e', extension, 20s);
        CHECK(sent < extension);
        CHECK(client.wait_closed(3s));
        const std::size_t peak_after = peak_memory_kib();
        MESSAGE("sent " << sent / 1024 << " KiB of the extension; peak memory " << peak_before
                        << " KiB before, " << peak_after << " KiB after");
        CHECK(peak_after - peak_before < 16 * 1024);
        check_still_serving(ts);
        REQUIRE(ts.stop_and_wait(3s));
        CHECK(ts.reports().empty());
    }

    TEST_CASE("any Transfer-Encoding, or a body without Content-Length, gets 411") {
        TestServer ts;
        SUBCASE("a well-formed chunked body") {
            CHECK(raw_request(ts.port(), chunked_head + "5\r\nhello\r\n0\r\n\r\n").status == 411);
        }
        SUBCASE("chunked with Expect: 100-continue gets 411, never the go-ahead") {
            CHECK(raw_request(ts.port(),
                              "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                              "Transfer-Encoding: chunked\r\n\r\n")
                      .status == 411);
        }
        SUBCASE("a POST without Content-Length") {
            CHECK(raw_request(ts.port(), "POST /echo HTTP/1.1\r\nHost: x\r\n\r\n").status == 411);
        }
        SUBCASE("a PUT without Content-Length") {
            CHECK(raw_request(ts.port(), "PUT /echo HTTP/1.1\r\nHost: x\r\n\r\n").status == 411);
        }
        SUBCASE("but Content-Length: 0 and a GET without one are fine") {
            const auto empty = raw_request(
                ts.port(), "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            CHECK(empty.status == 200);
            CHECK(empty.body.empty());
            CHECK(raw_request(ts.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status == 200);
        }
        SUBCASE("Transfer-Encoding and Content-Length together: the parser's own 400") {
            const auto res = raw_request(ts.port(), "POST /echo HTTP/1.1\r\nHost: x\r\n"
                                                    "Content-Length: 5\r\n"
                                                    "Transfer-Encoding: chunked\r\n\r\n"
                                                    "5\r\nhello\r\n0\r\n\r\n");
            CHECK(res.status == 400); // the classic request-smuggling shape
        }
        check_still_serving(ts);
        REQUIRE(ts.stop_and_wait(3s));
        CHECK(ts.reports().empty());
    }

    TEST_CASE("a pipelined chunked request after a good one: the first is answered, then 411") {
        TestServer ts;
        RawClient client{ts.port()};
        REQUIRE(client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi" +
                                chunked_head + "0\r\n\r\n",
                            2s));
        const auto first = client.read_response(3s);
        CHECK(first.status == 200);
        CHECK(first.body == "hi");
        CHECK(client.read_response(3s).status == 411);
        CHECK(client.wait_closed(3s));
        check_still_serving(ts);
    }

    TEST_CASE("headers over the limit get 431") {
        SUBCASE("just over the default limit") {
            TestServer ts;
            CHECK(raw_request(ts.port(), with_header_of(17 * 1024)).status == 431);
            check_still_serving(ts);
        }
        SUBCASE("far over it, and over the read buffer's size") {
            TestServer ts;
            CHECK(raw_request(ts.port(), with_header_of(1 * MiB)).status == 431);
            check_still_serving(ts);
        }
        SUBCASE("a small configured limit") {
            Limits limits;
            limits.header_limit = 1024;
            TestServer ts{limits};
            CHECK(raw_request(ts.port(), with_header_of(512)).status == 200);
            CHECK(raw_request(ts.port(), with_header_of(2048)).status == 431);
            check_still_serving(ts);
        }
        SUBCASE("a configured limit above what one field may hold is capped, not a crash") {
            Limits limits;
            limits.header_limit = 4 * MiB;
            TestServer ts{limits};
            CHECK(raw_request(ts.port(), with_header_of(70000)).status == 431);
            check_still_serving(ts);
        }
    }

    TEST_CASE("a body over the limit gets 413 before it is read") {
        Limits limits;
        limits.body_limit = 1024;
        TestServer ts{limits};
        SUBCASE("a declared length of a terabyte, with no body sent") {
            CHECK(raw_request(ts.port(), "POST /echo HTTP/1.1\r\nHost: x\r\n"
                                         "Content-Length: 1000000000000\r\n\r\n")
                      .status == 413);
        }
        SUBCASE("a body one byte over") {
            CHECK(
                http_request(ts.port(), http::verb::post, "/echo", std::string(1025, 'b')).status ==
                413);
            CHECK(
                http_request(ts.port(), http::verb::post, "/echo", std::string(1024, 'b')).status ==
                200);
        }
        check_still_serving(ts);
        REQUIRE(ts.stop_and_wait(3s));
        CHECK(ts.reports().empty());
    }

    TEST_CASE("connections over the cap are closed at once, and served ones are still answered") {
        Limits limits;
        limits.max_connections = 3;
        limits.header_timeout = 20s; // only the cap, never a timeout, can close a connection here
        limits.read_timeout = 20s;
        TestServer ts{limits};

        std::vector<HttpConnection> held;
        for (int i = 0; i < 3; ++i)
            held.emplace_back(ts.port());
        REQUIRE(held[0].send(http::verb::get, "/healthz").status == 200);

        std::vector<std::unique_ptr<RawClient>> extra;
        for (int i = 0; i < 20; ++i)
            extra.push_back(std::make_unique<RawClient>(ts.port()));
        const auto start = Clock::now();
        for (auto& client : extra)
            CHECK(client->wait_closed(3s));
        CHECK(Clock::now() - start < 3s);

        for (auto& conn : held)
            CHECK(conn.send(http::verb::get, "/healthz").status == 200);

        // The server kept accepting: once a served connection ends, a new one is let in.
        held.pop_back();
        CHECK(eventually(
            [&] {
                return http_request(ts.port(), http::verb::get, "/healthz", {}, {}, 1s).status ==
                       200;
            },
            5s));
        CHECK_FALSE(ts.crash());
        REQUIRE(ts.stop_and_wait(3s));
        const auto reports = ts.reports();
        REQUIRE_FALSE(reports.empty());
        CHECK(reports[0].what == "connections");
        CHECK(reports[0].detail.find("limit of 3") != std::string::npos);
    }

    TEST_CASE("a client slow to send its headers is cut off before the request timeout") {
        Limits limits;
        limits.header_timeout = 200ms;
        limits.read_timeout = 1500ms;
        TestServer ts{limits};
        const auto start = Clock::now();
        RawClient slow_header{ts.port()};
        RawClient slow_body{ts.port()};
        RawClient stalled_body{ts.port()};
        REQUIRE(slow_header.send("POST /echo HTTP/1.1\r\nHost: x\r\n", 1s));
        const std::string head = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab";
        REQUIRE(slow_body.send(head, 1s));
        REQUIRE(stalled_body.send(head, 1s));

        REQUIRE(slow_header.wait_closed(3s));
        const auto header_cut = Clock::now() - start;
        CHECK(header_cut >= 150ms);
        CHECK(header_cut < 1000ms);

        // The header deadline has passed; a body still gets the rest of the request's time.
        REQUIRE(slow_body.send("cd", 1s));
        const auto res = slow_body.read_response(2s);
        CHECK(res.status == 200);
        CHECK(res.body == "abcd");

        // A body that never completes ends at the request timeout.
        REQUIRE(stalled_body.wait_closed(4s));
        CHECK(Clock::now() - start >= 1400ms);
        check_still_serving(ts);
        REQUIRE(ts.stop_and_wait(3s));
        CHECK(ts.reports().empty());
    }

} // TEST_SUITE
