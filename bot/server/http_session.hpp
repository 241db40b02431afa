// File: bot/server/http_session.hpp
// One HTTP connection: read a bounded request, route it, write the answer; keep-alive loop.
#pragma once

#include "bot/net.hpp"
#include "bot/server/router.hpp"

#include <chrono>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace cocbot::server {

// Bounds on what a client may make the server hold or wait for. Everything read before a
// handler (and so before the signature check) is covered: the request line and headers, the
// body, the read buffer, the time taken, and the number of connections.
struct Limits {
    std::size_t body_limit = 512 * 1024; // bytes; over -> 413 and the connection is closed
    // Bytes of request line and headers; over -> 431. At most max_header_limit is used.
    std::size_t header_limit = 16 * 1024;
    // Connections served at once (at least 1); one more is accepted and closed at once.
    std::size_t max_connections = 256;
    // From waiting for a request (so also an idle keep-alive) to the end of its headers.
    std::chrono::milliseconds header_timeout{5000};
    // The whole request, headers and body, from the same start; caps header_timeout too.
    std::chrono::milliseconds read_timeout{10000};
    std::chrono::milliseconds write_timeout{10000};
    std::chrono::milliseconds shutdown_grace{
        5000}; // how long stop() lets in-flight requests finish
};

// Beast keeps a header field's length in 16 bits and throws (out of io_context::run()) for a
// longer one; a header limit below that means no single field can get there.
inline constexpr std::size_t max_header_limit = 60 * 1024;

// The session's read buffer holds at most the header limit plus this: enough for a header that
// ends just at the limit together with the first bytes of its body.
inline constexpr std::size_t buffer_margin = 8 * 1024;

// How the server tells the application that something failed. It is never given request
// bodies, nor exception texts, which may quote them.
using ErrorReporter = std::function<void(std::string_view what, std::string_view detail)>;

// What every session shares; immutable once the server starts.
struct SessionContext {
    Router router;
    Limits limits;
    ErrorReporter report;
};

// Names a failure without the exception's text: a system error's message, otherwise the type.
std::string describe(std::exception_ptr failure);

class HttpSession {
public:
    HttpSession(tcp::socket socket, std::shared_ptr<const SessionContext> context);

    // Serves requests until the client closes, a limit is hit or the server stops. Runs on the
    // session's executor, which must be a strand (or the single thread of the io_context).
    awaitable<void> run();

    // The server is stopping: an idle connection closes now, a request in flight is answered
    // (with Connection: close) first. Call on the session's executor.
    void stop();

    // The grace period is over: close whatever is in progress. Call on the session's executor.
    void close();

    net::any_io_executor get_executor() { return stream_.get_executor(); }

private:
    using Parser = http::request_parser<http::string_body>;
    using Clock = std::chrono::steady_clock;
    enum class Phase { header, body };

    awaitable<error_code> read_header(Parser& parser, Clock::time_point started);
    awaitable<error_code> read_body(Parser& parser, Clock::time_point started);
    awaitable<void> serve(Request& req);
    awaitable<Response> respond(Request& req);
    awaitable<bool> write(Response& res);
    awaitable<void> on_read_error(error_code ec, Phase phase);
    awaitable<void> reject(http::status status, std::string body);
    awaitable<void> linger();
    void report(std::string_view what, std::string_view detail) const;

    beast::tcp_stream stream_;
    net::ip::address peer_; // unspecified (so never loopback) when the socket cannot tell
    beast::flat_buffer buffer_;
    std::shared_ptr<const SessionContext> context_;
    bool busy_ = false;      // a request was read and its answer is not written yet
    bool keep_alive_ = true; // the last answer allows another request on this connection
    bool stopping_ = false;
};

} // namespace cocbot::server
