// File: sim/http_client.cpp
// Each call runs its own io_context on the calling thread; every operation has a deadline
// (tcp_stream::expires_after), so a silent server cannot hang a test.
#include "sim/http_client.hpp"

#include "bot/net.hpp"

#include <cctype>
#include <exception>
#include <optional>

namespace cocbot::sim {
namespace {

constexpr auto as_tuple_awaitable = net::as_tuple(net::use_awaitable);
constexpr std::uint64_t response_body_limit = 64 * 1024 * 1024;
// Extra time for the io_context beyond the stream's own deadline, which normally fires first.
constexpr std::chrono::milliseconds run_slack{1000};

using Clock = std::chrono::steady_clock;

HttpResponse failure(std::string_view what) {
    HttpResponse res;
    res.body = "error: ";
    res.body += what;
    return res;
}

HttpResponse to_http_response(const Response& res) {
    HttpResponse out;
    out.status = static_cast<int>(res.result_int());
    out.body = res.body();
    for (const auto& field : res) {
        std::string name{field.name_string()};
        for (char& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        auto [it, inserted] = out.headers.try_emplace(name, field.value());
        if (!inserted)
            it->second.append(", ").append(field.value());
    }
    return out;
}

Request make_request(std::uint16_t port, http::verb verb, std::string target, std::string body,
                     const Headers& headers, bool keep_alive) {
    Request req{verb, target, 11};
    req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
    req.set(http::field::user_agent, "cocbot-tests");
    req.keep_alive(keep_alive);
    // The caller's headers come last, so a test can override any of the above.
    for (const auto& [name, value] : headers)
        req.set(name, value);
    req.body() = std::move(body);
    req.prepare_payload();
    return req;
}

awaitable<error_code> connect(beast::tcp_stream& stream, std::uint16_t port) {
    auto [ec] = co_await stream.async_connect(tcp::endpoint{net::ip::address_v4::loopback(), port},
                                              as_tuple_awaitable);
    co_return ec;
}

// Reads one response. A failed write is not final: a server refusing a request (413) may answer
// before it has read all of it, and that answer is what the test wants to see.
awaitable<HttpResponse> read_response(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                      error_code write_error) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(response_body_limit);
    auto [ec, bytes] = co_await http::async_read(stream, buffer, parser, as_tuple_awaitable);
    if (ec)
        co_return failure(write_error ? write_error.message() : ec.message());
    co_return to_http_response(parser.get());
}

awaitable<HttpResponse> exchange(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                 Request req) {
    auto [ec, bytes] = co_await http::async_write(stream, req, as_tuple_awaitable);
    co_return co_await read_response(stream, buffer, ec);
}

awaitable<HttpResponse> exchange_raw(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                     std::string bytes) {
    auto [ec, n] = co_await net::async_write(stream, net::buffer(bytes), as_tuple_awaitable);
    co_return co_await read_response(stream, buffer, ec);
}

// Runs `op` to completion on `ioc`. If the deadline somehow did not end it, closing the stream
// does, so no coroutine outlives this call.
HttpResponse run(net::io_context& ioc, beast::tcp_stream& stream, awaitable<HttpResponse> op,
                 std::chrono::milliseconds timeout) {
    std::optional<HttpResponse> result;
    net::co_spawn(ioc, std::move(op), [&result](std::exception_ptr e, HttpResponse res) {
        if (!e) {
            result = std::move(res);
            return;
        }
        try {
            std::rethrow_exception(e);
        } catch (const std::exception& ex) {
            result = failure(ex.what());
        }
    });
    ioc.restart();
    ioc.run_for(timeout + run_slack);
    if (!result) {
        stream.close();
        ioc.run();
        return failure("timed out");
    }
    return *std::move(result);
}

awaitable<HttpResponse> connect_then(beast::tcp_stream& stream, std::uint16_t port,
                                     awaitable<HttpResponse> op) {
    if (const error_code ec = co_await connect(stream, port))
        co_return failure(ec.message());
    co_return co_await std::move(op);
}

template <typename Exchange>
HttpResponse one_shot(std::uint16_t port, std::chrono::milliseconds timeout, Exchange exchange_fn) {
    const auto start = Clock::now();
    net::io_context ioc;
    beast::tcp_stream stream{ioc};
    beast::flat_buffer buffer;
    // One deadline for connect, write and read together.
    stream.expires_after(timeout);
    HttpResponse res =
        run(ioc, stream, connect_then(stream, port, exchange_fn(stream, buffer)), timeout);
    res.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    return res;
}

} // namespace

HttpResponse http_request(std::uint16_t port, http::verb verb, std::string target, std::string body,
                          Headers headers, std::chrono::milliseconds timeout) {
    Request req = make_request(port, verb, std::move(target), std::move(body), headers, false);
    return one_shot(port, timeout, [&req](beast::tcp_stream& stream, beast::flat_buffer& buffer) {
        return exchange(stream, buffer, std::move(req));
    });
}

HttpResponse raw_request(std::uint16_t port, std::string bytes, std::chrono::milliseconds timeout) {
    return one_shot(port, timeout, [&bytes](beast::tcp_stream& stream, beast::flat_buffer& buffer) {
        return exchange_raw(stream, buffer, std::move(bytes));
    });
}

struct HttpConnection::Impl {
    Impl(std::uint16_t p, std::chrono::milliseconds t) : port(p), timeout(t) {}

    std::uint16_t port;
    std::chrono::milliseconds timeout;
    net::io_context ioc;
    beast::tcp_stream stream{ioc};
    beast::flat_buffer buffer;
    std::string connect_error; // set when the connection could not be made
};

HttpConnection::HttpConnection(std::uint16_t port, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>(port, timeout)) {
    impl_->stream.expires_after(timeout);
    auto connected = [](beast::tcp_stream& stream, std::uint16_t p) -> awaitable<HttpResponse> {
        const error_code ec = co_await connect(stream, p);
        co_return ec ? failure(ec.message()) : HttpResponse{200, {}, {}, {}};
    };
    const HttpResponse res =
        run(impl_->ioc, impl_->stream, connected(impl_->stream, port), timeout);
    if (res.status == 0)
        impl_->connect_error = res.body;
}

HttpConnection::HttpConnection(HttpConnection&&) noexcept = default;
HttpConnection& HttpConnection::operator=(HttpConnection&&) noexcept = default;
HttpConnection::~HttpConnection() = default;

HttpResponse HttpConnection::send(http::verb verb, std::string target, std::string body,
                                  Headers headers) {
    if (!impl_->connect_error.empty())
        return failure(impl_->connect_error);
    const auto start = Clock::now();
    Request req =
        make_request(impl_->port, verb, std::move(target), std::move(body), headers, true);
    impl_->stream.expires_after(impl_->timeout);
    HttpResponse res = run(impl_->ioc, impl_->stream,
                           exchange(impl_->stream, impl_->buffer, std::move(req)), impl_->timeout);
    res.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    return res;
}

bool HttpConnection::is_open() {
    auto& socket = impl_->stream.socket();
    if (!impl_->connect_error.empty() || !socket.is_open())
        return false;
    // Peek without blocking: "would block" means the peer is still there and quiet; end of
    // stream or a reset means it closed.
    error_code ec;
    socket.non_blocking(true, ec);
    char byte = 0;
    socket.receive(net::buffer(&byte, 1), tcp::socket::message_peek, ec);
    error_code ignored;
    socket.non_blocking(false, ignored);
    return !ec || ec == net::error::would_block;
}

} // namespace cocbot::sim
