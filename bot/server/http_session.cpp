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
    static_assert(max_header_limit <= std::numeric_limits<std::uint32_t>::max());
    return static_cast<std::uint32_t>(std::min(limits.header_limit, max_header_limit));
}

std::size_t buffer_limit_of(const Limits& limits) {
    return header_limit_of(limits) + buffer_margin;
}

// Methods whose requests carry a body, so must say how long it is.
bool carries_body(http::verb method) {
    return method == http::verb::post || method == http::verb::put || method == http::verb::patch;
}

// Slack always sends Content-Length, so that is the only framing accepted: a request with
// Transfer-Encoding (chunked), or a POST, PUT or PATCH without Content-Length, gets 411 Length
// Required as soon as its header is read, before a byte of its body. No chunk is ever parsed, so
// chunk extensions and trailers never reach Beast: in Boost 1.81 neither counts against the header
// or body limit, an extension grows the read buffer until its line ends, and a trailer field
// of 64 KiB throws std::length_error from basic_fields inside Beast's read operation, where it
// escapes io_context::run() and ends the process. Refusing is simpler and safer than
// bounding each of those separately, and costs Slack nothing.
bool needs_length(const http::request_parser<http::string_body>& parser) {
    const auto& header = parser.get();
    if (header.count(http::field::transfer_encoding) > 0 || parser.chunked())
        return true;
    return carries_body(header.method()) && !parser.content_length();
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
    : stream_(std::move(socket)), buffer_(buffer_limit_of(context->limits)),
      context_(std::move(context)) {
    error_code ec;
    const auto remote = stream_.socket().remote_endpoint(ec);
    if (!ec)
        peer_ = remote.address();
}

awaitable<void> HttpSession::run() {
    const Limits& limits = context_->limits;
    while (!stopping_) {
        // A fresh parser per request, so that the limits apply to each message on its own.
        Parser parser;
        parser.body_limit(limits.body_limit);
        parser.header_limit(header_limit_of(limits));

        const auto started = Clock::now();
        if (const error_code ec = co_await read_header(parser, started)) {
            co_await on_read_error(ec, Phase::header);
            co_return;
        }
        if (needs_length(parser)) {
            co_await reject(http::status::length_required, "length required\n");
            co_return;
        }
        if (const error_code ec = co_await read_body(parser, started)) {
            co_await on_read_error(ec, Phase::body);
            co_return;
        }
        Request req = parser.release();
        co_await serve(req);
        if (!keep_alive_)
            co_return;
    }
}

awaitable<error_code> HttpSession::read_header(Parser& parser, Clock::time_point started) {
    // The deadline runs from when the session starts waiting, so it also bounds an idle
    // keep-alive, and a client that trickles its headers cannot hold the connection for long.
    const Limits& limits = context_->limits;
    stream_.expires_at(started + std::min(limits.header_timeout, limits.read_timeout));
    auto [ec, bytes] =
        co_await http::async_read_header(stream_, buffer_, parser, as_tuple_awaitable);
    co_return ec;
}

awaitable<error_code> HttpSession::read_body(Parser& parser, Clock::time_point started) {
    // One deadline for the whole request: the body gets what the headers left of it.
    stream_.expires_at(started + context_->limits.read_timeout);
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
        co_return co_await context_->router.dispatch(req, peer_);
    } catch (...) {
        // Never disclose error details to the client; the operator gets the route and the kind.
        const std::string_view target = req.target();
        std::string where{req.method_string()};
        where.append(" ").append(target.substr(0, target.find('?')));
        report("handler", where + ": " + describe(std::current_exception()));
        co_return response(req, http::status::internal_server_error, "internal server error\n");
    }
}

awaitable<bool> HttpSession::write(Response& res) {
    stream_.expires_after(context_->limits.write_timeout);
    auto [ec, bytes] = co_await http::async_write(stream_, res, as_tuple_awaitable);
    if (ec && !is_expected(ec))
        report("write", ec.message());
    co_return !ec;
}

awaitable<void> HttpSession::on_read_error(error_code ec, Phase phase) {
    // The read buffer is full: the headers, or the body's first bytes with them, are too long.
    const bool too_long = ec == http::error::buffer_overflow;
    if (ec == http::error::body_limit || (too_long && phase == Phase::body))
        co_await reject(http::status::payload_too_large, "payload too large\n");
    else if (ec == http::error::header_limit || too_long)
        co_await reject(http::status::request_header_fields_too_large, "headers too large\n");
    else if (is_expected(ec))
        co_return;
    else if (is_malformed(ec))
        co_await reject(http::status::bad_request, "bad request\n");
    else
        report("read", ec.message());
}

awaitable<void> HttpSession::reject(http::status status, std::string body) {
    // There is no usable request to answer: HTTP/1.1, and the connection closes.
    Response res = response(Request{}, status, std::move(body));
    res.keep_alive(false);
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
    // What arrives is thrown away: the buffer's space is reused, never committed or grown.
    buffer_.clear();
    const auto space = buffer_.prepare(buffer_.max_size());
    for (std::size_t drained = 0; drained < linger_bytes && !stopping_;) {
        auto [ec, bytes] = co_await stream_.async_read_some(space, as_tuple_awaitable);
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
