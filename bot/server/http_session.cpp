// File: bot/server/http_session.cpp
// The per-connection loop: bounded read -> route -> write, with the expected ways a connection
// ends kept apart from real failures.
#include "bot/server/http_session.hpp"

#include <algorithm>
#include <boost/core/demangle.hpp>
#include <cstdint>
#include <limits>
#include <system_error>
#include <typeinfo>
#include <utility>

namespace cocbot::server {
namespace {

constexpr auto as_tuple_awaitable = net::as_tuple(net::use_awaitable);

// After an error answer, how long and how much we keep reading (and discarding) so that closing
// does not reset the connection before the client has read the answer.
constexpr std::chrono::milliseconds linger_time{1000};
constexpr std::size_t linger_bytes = 1024 * 1024;

std::uint32_t header_limit_of(const Limits& limits) {
    constexpr std::size_t max = std::numeric_limits<std::uint32_t>::max();
    return static_cast<std::uint32_t>(std::min(limits.header_limit, max));
}

// The ways a connection normally ends: the client left, went quiet, or the server closed it.
bool is_expected(error_code ec) {
    return ec == http::error::end_of_stream || ec == http::error::partial_message ||
           ec == beast::error::timeout || ec == net::error::operation_aborted ||
           ec == net::error::eof || ec == net::error::connection_reset ||
           ec == net::error::broken_pipe || ec == net::error::bad_descriptor ||
           ec == net::error::not_connected;
}

// Anything else the HTTP parser rejects is the client's malformed request.
bool is_malformed(error_code ec) {
    return ec.category() == make_error_code(http::error::bad_method).category();
}

// The answers the session sends on its own, when there is no usable request to answer.
Response closing_response(http::status status, std::string body) {
    Response res{status, 11};
    res.set(http::field::content_type, "text/plain; charset=utf-8");
    res.keep_alive(false);
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
}

} // namespace

std::string describe(std::exception_ptr failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const boost::system::system_error& e) {
        return e.code().message();
    } catch (const std::system_error& e) {
        return e.code().message();
    } catch (const std::exception& e) {
        return boost::core::demangle(typeid(e).name());
    } catch (...) {
        return "unknown exception";
    }
}

HttpSession::HttpSession(tcp::socket socket, std::shared_ptr<const SessionContext> context)
    : stream_(std::move(socket)), context_(std::move(context)) {}

awaitable<void> HttpSession::run() {
    const Limits& limits = context_->limits;
    while (!stopping_) {
        // A fresh parser per request, so that the limits apply to each message on its own.
        http::request_parser<http::string_body> parser;
        parser.body_limit(limits.body_limit);
        parser.header_limit(header_limit_of(limits));

        if (const error_code ec = co_await read_request(parser)) {
            co_await on_read_error(ec);
            co_return;
        }
        Request req = parser.release();
        co_await serve(req);
        if (!keep_alive_)
            co_return;
    }
}

awaitable<error_code> HttpSession::read_request(http::request_parser<http::string_body>& parser) {
    // One deadline for the whole request; between requests it also bounds an idle keep-alive.
    stream_.expires_after(context_->limits.read_timeout);
    auto [ec, bytes] =
        co_await http::async_read_header(stream_, buffer_, parser, as_tuple_awaitable);
    if (ec)
        co_return ec;
    // A client that sent "Expect: 100-continue" (curl does, for larger bodies) waits for this
    // go-ahead before sending the body. A body over the limit was refused above, unsent.
    if (beast::iequals(parser.get()[http::field::expect], "100-continue")) {
        http::response<http::empty_body> go_ahead{http::status::continue_, 11};
        auto [wec, wbytes] = co_await http::async_write(stream_, go_ahead, as_tuple_awaitable);
        if (wec)
            co_return wec;
    }
    auto [rec, rbytes] = co_await http::async_read(stream_, buffer_, parser, as_tuple_awaitable);
    co_return rec;
}

awaitable<void> HttpSession::serve(Request& req) {
    busy_ = true;
    Response res = co_await respond(req);

    // The connection stays only if the request, the handler and the server all allow it.
    keep_alive_ = req.keep_alive() && res.keep_alive() && !stopping_;
    res.version(req.version());
    res.keep_alive(keep_alive_);
    res.prepare_payload();

    const bool written = co_await write(res);
    busy_ = false;
    if (!written)
        keep_alive_ = false;
    else if (!keep_alive_) {
        // Tell the client we are done; the socket closes when the session ends.
        error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    }
}

awaitable<Response> HttpSession::respond(Request& req) {
    try {
        co_return co_await context_->router.dispatch(req);
    } catch (...) {
        // Never disclose error details to the client; the operator gets the route and the kind.
        const std::string_view target = req.target();
        std::string where{req.method_string()};
        where.append(" ").append(target.substr(0, target.find('?')));
        report("handler", where + ": " + describe(std::current_exception()));
        co_return text_response(req, http::status::internal_server_error,
                                "internal server error\n");
    }
}

awaitable<bool> HttpSession::write(Response& res) {
    stream_.expires_after(context_->limits.write_timeout);
    auto [ec, bytes] = co_await http::async_write(stream_, res, as_tuple_awaitable);
    if (ec && !is_expected(ec))
        report("write", ec.message());
    co_return !ec;
}

awaitable<void> HttpSession::on_read_error(error_code ec) {
    if (ec == http::error::body_limit)
        co_await reject(http::status::payload_too_large, "payload too large\n");
    else if (ec == http::error::header_limit)
        co_await reject(http::status::request_header_fields_too_large, "headers too large\n");
    else if (is_expected(ec))
        co_return;
    else if (is_malformed(ec))
        co_await reject(http::status::bad_request, "bad request\n");
    else
        report("read", ec.message());
}

awaitable<void> HttpSession::reject(http::status status, std::string body) {
    Response res = closing_response(status, std::move(body));
    if (co_await write(res))
        co_await linger();
}

awaitable<void> HttpSession::linger() {
    // The client may still be sending the request we refused. Closing with unread bytes makes the
    // kernel send a reset, which can destroy our answer before the client reads it; so half-close
    // and discard what still arrives, for a short while.
    error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(linger_time);
    for (std::size_t drained = 0; drained < linger_bytes && !stopping_;) {
        auto [ec, bytes] =
            co_await stream_.async_read_some(buffer_.prepare(64 * 1024), as_tuple_awaitable);
        if (ec)
            co_return;
        drained += bytes;
    }
}

void HttpSession::stop() {
    stopping_ = true;
    if (!busy_)
        close();
}

void HttpSession::close() {
    stream_.close();
}

void HttpSession::report(std::string_view what, std::string_view detail) const {
    if (context_->report)
        context_->report(what, detail);
}

} // namespace cocbot::server
