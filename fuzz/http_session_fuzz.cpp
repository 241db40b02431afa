// File: fuzz/http_session_fuzz.cpp
// A whole cocbot::server::HttpSession on one end of a socket pair, fed the fuzzed bytes as
// everything a client sends on its connection (so also pipelined requests), with a Router that
// has POST /slack/events (signature check, then parse_payload) like the real one.
//
// Checked: no exception leaves HttpSession::run() or io_context::run(); the session reports no
// read or write failure (a client's bad bytes are answered or are an expected end, never an
// unforeseen error); it ends once the client has sent everything, without waiting for a timer;
// and what it sends back is a series of whole HTTP/1.x responses (memory: -rss_limit_mb).
#include "bot/server/http_session.hpp"
#include "bot/slack/payloads.hpp"
#include "bot/slack/signature.hpp"
#include "fuzz/fuzz_input.hpp"

#include <chrono>
#include <csignal>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <sys/socket.h>

namespace {

namespace fuzz = cocbot::fuzz;
namespace server = cocbot::server;
namespace slack = cocbot::slack;
namespace net = cocbot::net;
namespace http = cocbot::http;
using cocbot::awaitable;
using cocbot::Request;
using cocbot::Response;
using tcp = cocbot::tcp;

// Slack's published signing example, as in signature_fuzz: seeds signed with it get through.
constexpr std::string_view secret = "8f742231b10e8888abcd99yyyzzz85a5";
constexpr std::int64_t now = 1531420618;

// Every timeout of the session. The client always ends its side, so a session that is still
// running after this long waited for a timer instead of seeing the end of the connection.
constexpr std::chrono::seconds timeout{2};

awaitable<Response> slack_events(Request& req) {
    const auto check = slack::verify_signature(secret, req["X-Slack-Request-Timestamp"], req.body(),
                                               req["X-Slack-Signature"], now);
    if (check != slack::SignatureCheck::ok)
        co_return server::response(req, http::status::unauthorized, "unauthorized\n");
    const auto parsed = slack::parse_payload(req[http::field::content_type], req.body());
    if (std::holds_alternative<slack::ParseError>(parsed))
        co_return server::response(req, http::status::bad_request, "bad request\n");
    co_return server::response(req, http::status::ok, "{}", "application/json");
}

awaitable<Response> health(Request& req) {
    co_return server::response(req, http::status::ok, "ok\n");
}

// A handler that fails, as one whose database is gone would: the session answers 500.
awaitable<Response> failing(Request&) {
    throw std::runtime_error("handler failed");
    co_return Response{};
}

// A handler failure is expected (POST /fail); a read or write failure is a finding.
void on_report(std::string_view what, std::string_view detail) {
    if (what != "handler")
        fuzz::finding("the session reported a failure",
                      std::string{what} + ": " + std::string{detail});
}

std::shared_ptr<const server::SessionContext> make_context() {
    server::Limits limits;
    // Small enough that fuzzed inputs reach the limits.
    limits.body_limit = 8 * 1024;
    limits.header_limit = 2 * 1024;
    limits.header_timeout = timeout;
    limits.read_timeout = timeout;
    limits.write_timeout = timeout;
    return std::make_shared<const server::SessionContext>(server::SessionContext{
        .router = server::Router{{
            {"/slack/events", http::verb::post, slack_events},
            {"/healthz", http::verb::get, health},
            {"/fail", http::verb::post, failing},
        }},
        .limits = limits,
        .report = on_report,
    });
}

awaitable<void> serve(std::shared_ptr<server::HttpSession> session) {
    co_await session->run();
} // the session, and with it its end of the connection, goes with this frame

// The client sends everything, then ends its side, as a client that is done does.
awaitable<void> send_all(tcp::socket& client, std::string_view bytes) {
    // A failed write means the server closed early (after refusing a request): nothing more to
    // send either way.
    co_await net::async_write(client, net::buffer(bytes.data(), bytes.size()),
                              net::as_tuple(net::use_awaitable));
    cocbot::error_code ignored;
    client.shutdown(tcp::socket::shutdown_send, ignored);
}

// Reads whatever the server answers until it closes, so that its writes never wait on us.
awaitable<void> receive_all(tcp::socket& client, std::string& received) {
    char buffer[16 * 1024];
    for (;;) {
        auto [ec, size] =
            co_await client.async_read_some(net::buffer(buffer), net::as_tuple(net::use_awaitable));
        if (ec)
            co_return;
        received.append(buffer, size);
    }
}

// The bytes the server sent, read as the client would: whole responses, one after another. The
// server closes the connection when it is done, so the end of the bytes is the end of the stream.
void check_responses(std::string_view bytes) {
    while (!bytes.empty()) {
        fuzz::expect(bytes.starts_with("HTTP/1.1 ") || bytes.starts_with("HTTP/1.0 "),
                     "the server sent something other than an HTTP/1.x response");
        http::response_parser<http::string_body> parser;
        parser.eager(true);
        cocbot::error_code ec;
        while (!ec && !parser.is_done()) {
            const auto used = parser.put(net::buffer(bytes.data(), bytes.size()), ec);
            bytes.remove_prefix(used);
            if (ec == http::error::need_more) {
                ec = {};
                if (used == 0)
                    parser.put_eof(ec);
            }
        }
        fuzz::expect(!ec, "the server sent a malformed or cut-off HTTP response", ec.message());
    }
}

void rethrow_as_finding(std::string_view where, std::exception_ptr failure) {
    if (failure)
        fuzz::finding(where, server::describe(failure));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::signal(SIGPIPE, SIG_IGN); // a write to a closed connection is an error code, not a death
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto context = make_context();
    net::io_context io; // one thread: the session's executor needs no strand

    // A socket pair behaves like a TCP connection for everything the session does, and leaves
    // no TIME_WAIT behind at thousands of connections a second.
    int fds[2];
    fuzz::expect(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0, "socketpair");
    tcp::socket server_end(io), client(io);
    server_end.assign(tcp::v4(), fds[0]);
    client.assign(tcp::v4(), fds[1]);

    auto session = std::make_shared<server::HttpSession>(std::move(server_end), context);
    std::string received;
    net::co_spawn(io, serve(std::move(session)), [](std::exception_ptr failure) {
        rethrow_as_finding("an exception left HttpSession::run()", failure);
    });
    net::co_spawn(io, send_all(client, fuzz::as_text(data, size)), [](std::exception_ptr failure) {
        rethrow_as_finding("the fuzz client failed", failure);
    });
    net::co_spawn(io, receive_all(client, received), [](std::exception_ptr failure) {
        rethrow_as_finding("the fuzz client failed", failure);
    });
    const auto started = std::chrono::steady_clock::now();
    try {
        io.run();
    } catch (...) {
        rethrow_as_finding("an exception left io_context::run()", std::current_exception());
    }
    fuzz::expect(std::chrono::steady_clock::now() - started < timeout,
                 "the session waited for a timeout after the client had finished");
    check_responses(received);
    return 0;
}
