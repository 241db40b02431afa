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

// Bounds on what a client may make the server hold or wait for.
struct Limits {
    std::size_t body_limit = 512 * 1024; // bytes; over -> 413 and the connection is closed
    std::size_t header_limit = 16 * 1024;
    std::chrono::milliseconds read_timeout{
        10000}; // per request (headers + body) and idle keep-alive
    std::chrono::milliseconds write_timeout{10000};
    std::chrono::milliseconds shutdown_grace{
        5000}; // how long stop() lets in-flight requests finish
};

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
    awaitable<error_code> read_request(http::request_parser<http::string_body>& parser);
    awaitable<void> serve(Request& req);
    awaitable<Response> respond(Request& req);
    awaitable<bool> write(Response& res);
    awaitable<void> on_read_error(error_code ec);
    awaitable<void> reject(http::status status, std::string body);
    awaitable<void> linger();
    void report(std::string_view what, std::string_view detail) const;

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::shared_ptr<const SessionContext> context_;
    bool busy_ = false;      // a request was read and its answer is not written yet
    bool keep_alive_ = true; // the last answer allows another request on this connection
    bool stopping_ = false;
};

} // namespace cocbot::server
