// File: bot/slack/web_api.cpp
// Slack Web API client: resolve -> connect -> TLS -> write -> read per attempt, on pooled
// keep-alive connections, with Slack's retry rules applied around each attempt.
#include "bot/slack/web_api.hpp"

#include "bot/slack/json_reader.hpp"
#include "bot/slack/resolve.hpp"
#include "bot/slack/tls_context.hpp"
#include "core/trim.hpp"

#include <algorithm>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/pchars.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <charconv>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <stdexcept>
#include <variant>

namespace cocbot::slack {
namespace {

namespace urls = boost::urls;
using std::chrono::milliseconds;
using std::chrono::seconds;
using Clock = std::chrono::steady_clock;
using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

constexpr auto tuple_awaitable = net::as_tuple(net::use_awaitable);
constexpr std::uint64_t response_body_limit = 8 * 1024 * 1024;
constexpr std::size_t max_idle_connections = 4;
// Servers close idle keep-alive connections after a while; don't bother reusing old ones.
constexpr auto max_idle_age = seconds(30);
constexpr auto max_backoff = milliseconds(60'000);

std::string host_header(const BaseUrl& base) {
    const bool ipv6 = base.host.find(':') != std::string::npos;
    std::string host = ipv6 ? "[" + base.host + "]" : base.host;
    const bool default_port = base.port == (base.tls ? "443" : "80");
    return default_port ? host : host + ":" + base.port;
}

// Slack sends whole seconds; anything else (absent, an HTTP date) means "soon".
seconds parse_retry_after(std::string_view value) {
    value = core::trim(value);
    unsigned parsed = 0;
    const auto* end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, parsed);
    return !value.empty() && ec == std::errc{} && ptr == end ? seconds(parsed) : seconds(1);
}

// Form semantics turn '+' into a space, so only unreserved characters go through unencoded.
std::string encode_query(const std::vector<std::pair<std::string, std::string>>& query) {
    std::string out;
    for (const auto& [key, value] : query) {
        if (!out.empty()) {
            out += '&';
        }
        out += urls::encode(key, urls::unreserved_chars);
        out += '=';
        out += urls::encode(value, urls::unreserved_chars);
    }
    return out;
}

} // namespace

// One keep-alive connection; the read buffer lives with it because it may hold extra bytes.
namespace detail {

struct Connection {
    std::variant<PlainStream, TlsStream> stream;
    beast::flat_buffer buffer;
    Clock::time_point idle_since{};

    explicit Connection(const net::any_io_executor& executor)
        : stream(std::in_place_type<PlainStream>, executor) {}
    Connection(const net::any_io_executor& executor, ssl::context& tls)
        : stream(std::in_place_type<TlsStream>, executor, tls) {}

    PlainStream& tcp() {
        return std::visit([](auto& s) -> PlainStream& { return beast::get_lowest_layer(s); },
                          stream);
    }
};

// What one HTTP attempt produced: a response, or a transport failure.
struct Attempt {
    Response response;
    std::string error; // empty when `response` holds an HTTP response
    bool retryable = false;
    bool nothing_received = false; // the peer closed before sending a single byte
};

} // namespace detail

namespace {

detail::Attempt transport_failure(const error_code& ec, bool nothing_received) {
    detail::Attempt attempt;
    attempt.nothing_received = nothing_received;
    if (ec == beast::error::timeout) {
        attempt.error = "timeout";
        attempt.retryable = true;
    } else if (ec.category() == http::make_error_code(http::error::body_limit).category() &&
               ec != http::error::end_of_stream && ec != http::error::partial_message) {
        attempt.error = "invalid_response"; // not HTTP, or too large: retrying won't help
    } else {
        attempt.error = "connection_failed";
        attempt.retryable = true;
    }
    return attempt;
}

template <typename Stream>
awaitable<detail::Attempt> send_on(Stream& stream, beast::flat_buffer& buffer,
                                   const Request& request, milliseconds timeout) {
    auto& tcp = beast::get_lowest_layer(stream);
    tcp.expires_after(timeout);
    auto [write_ec, written] = co_await http::async_write(stream, request, tuple_awaitable);
    if (write_ec) {
        co_return transport_failure(write_ec, true);
    }
    http::response_parser<http::string_body> parser;
    parser.body_limit(response_body_limit);
    tcp.expires_after(timeout);
    auto [read_ec, read] = co_await http::async_read(stream, buffer, parser, tuple_awaitable);
    if (read_ec) {
        co_return transport_failure(read_ec, !parser.got_some() && buffer.size() == 0);
    }
    tcp.expires_never();
    detail::Attempt attempt;
    attempt.response = parser.release();
    co_return attempt;
}

// A TLS peer that closes without close_notify gives stream_truncated: that is fine here.
awaitable<void> shutdown_tls(std::unique_ptr<detail::Connection> connection, milliseconds timeout) {
    auto& tls = std::get<TlsStream>(connection->stream);
    connection->tcp().expires_after(timeout);
    [[maybe_unused]] auto [ec] = co_await tls.async_shutdown(tuple_awaitable);
}

} // namespace

WebApi::WebApi(net::any_io_executor executor, WebApiOptions options)
    : executor_(std::move(executor)), options_(std::move(options)), base_([this] {
          auto base = parse_base_url(options_.base_url);
          if (!base) {
              throw std::invalid_argument("slack.api_url must be https://, or http:// on a "
                                          "loopback host: " +
                                          options_.base_url);
          }
          return *base;
      }()),
      host_header_(host_header(base_)), tls_(base_.tls ? shared_tls_context() : nullptr) {
    if (options_.pacing)
        pacer_.emplace(*options_.pacing);
}

WebApi::~WebApi() = default;

awaitable<ApiResult> WebApi::call(std::string method, nlohmann::json args) {
    Request request =
        make_request(http::verb::post, base_.path + urls::encode(method, urls::pchars));
    request.set(http::field::content_type, "application/json; charset=utf-8");
    request.body() = args.is_null() ? std::string("{}") : args.dump();
    request.prepare_payload();
    // chat.postMessage is paced per channel; a channel that is not a string is Slack's to refuse.
    std::optional<std::string> unused;
    const std::string channel = JsonReader{args, "args", unused}.lenient_string({"channel"});
    co_return co_await perform(method, channel, std::move(request));
}

awaitable<ApiResult> WebApi::get(std::string method, Query query) {
    std::string target = base_.path + urls::encode(method, urls::pchars);
    if (!query.empty()) {
        target += '?' + encode_query(query);
    }
    Request request = make_request(http::verb::get, std::move(target));
    request.prepare_payload();
    co_return co_await perform(method, {}, std::move(request));
}

Request WebApi::make_request(http::verb verb, std::string target) const {
    Request request{verb, target, 11};
    request.set(http::field::host, host_header_);
    request.set(http::field::user_agent, "cocbot");
    request.set(http::field::accept, "application/json");
    if (!options_.token.empty()) {
        request.set(http::field::authorization, "Bearer " + options_.token);
    }
    request.keep_alive(true);
    return request;
}

awaitable<void> WebApi::wait_turn(std::string_view method, std::string_view channel) {
    if (!pacer_)
        co_return;
    const auto now = Clock::now();
    const auto turn = pacer_->reserve(method, channel, now);
    if (turn > now)
        co_await sleep(std::chrono::ceil<milliseconds>(turn - now));
}

awaitable<ApiResult> WebApi::perform(std::string_view method, std::string_view channel,
                                     Request request) {
    const int max_attempts = std::max(1, options_.max_attempts);
    milliseconds backoff = options_.backoff;
    for (int number = 1;; ++number) {
        co_await wait_turn(method, channel);
        Attempt attempt = co_await exchange(request);
        ApiResult result;
        result.attempts = number;
        const auto wait = interpret(std::move(attempt), result);
        if (options_.on_attempt)
            options_.on_attempt(method, result.error);
        if (pacer_ && result.retry_after)
            pacer_->hold(method,
                         Clock::now() + std::min(*result.retry_after, options_.max_retry_after));
        if (!wait || number >= max_attempts) {
            co_return result;
        }
        if (*wait >= milliseconds::zero()) {
            co_await sleep(*wait); // a 429's Retry-After
        } else {
            co_await sleep(backoff);
            backoff = std::min(backoff * 2, max_backoff);
        }
    }
}

// Fills `result` from one attempt. Returns how long to wait before retrying (negative: use
// the exponential backoff), or nothing when the outcome is final.
std::optional<milliseconds> WebApi::interpret(Attempt attempt, ApiResult& result) const {
    constexpr auto use_backoff = milliseconds(-1);
    if (!attempt.error.empty()) {
        result.error = std::move(attempt.error);
        return attempt.retryable ? std::optional(use_backoff) : std::nullopt;
    }
    const Response& response = attempt.response;
    result.http_status = static_cast<int>(response.result_int());
    auto body = nlohmann::json::parse(response.body(), nullptr, false);
    if (body.is_object()) {
        result.body = std::move(body);
    }
    if (const auto scopes = response.find("x-oauth-scopes"); scopes != response.end())
        result.scopes = std::string{scopes->value()};
    if (result.http_status == 429) {
        const auto retry_after = parse_retry_after(response[http::field::retry_after]);
        result.error = "ratelimited";
        result.retry_after = retry_after;
        return std::min(retry_after, options_.max_retry_after);
    }
    if (result.http_status < 200 || result.http_status > 299) {
        result.error = "http_" + std::to_string(result.http_status);
        return result.http_status >= 500 ? std::optional(use_backoff) : std::nullopt;
    }
    read_ok(result);
    return std::nullopt;
}

awaitable<detail::Attempt> WebApi::exchange(const Request& request) {
    for (;;) {
        std::unique_ptr<Connection> connection = take_idle();
        const bool reused = connection != nullptr;
        Attempt attempt;
        if (!reused) {
            connection = co_await open_connection(attempt);
            if (!connection) {
                co_return attempt;
            }
        }
        attempt = co_await std::visit(
            [&](auto& stream) {
                return send_on(stream, connection->buffer, request, options_.request_timeout);
            },
            connection->stream);
        if (!attempt.error.empty()) {
            if (reused && attempt.nothing_received && attempt.error == "connection_failed") {
                idle_.clear(); // the peer dropped its idle connections; the others are as old
                continue;
            }
            co_return attempt;
        }
        if (attempt.response.keep_alive()) {
            release(std::move(connection));
        } else if (std::holds_alternative<TlsStream>(connection->stream)) {
            net::co_spawn(executor_, shutdown_tls(std::move(connection), options_.request_timeout),
                          net::detached);
        }
        co_return attempt;
    }
}

awaitable<std::unique_ptr<detail::Connection>> WebApi::open_connection(Attempt& failure) {
    const auto timeout = options_.request_timeout;
    const auto fail = [&failure](std::string error, bool retryable) {
        failure.error = std::move(error);
        failure.retryable = retryable;
        return std::unique_ptr<Connection>();
    };

    const auto resolved = co_await resolve_within(executor_, base_.host, base_.port, timeout);
    if (resolved.error) {
        co_return fail(resolved.error == net::error::operation_aborted ? "timeout"
                                                                       : "connection_failed",
                       true);
    }
    const auto& endpoints = resolved.endpoints;

    auto connection = base_.tls ? std::make_unique<Connection>(executor_, *tls_)
                                : std::make_unique<Connection>(executor_);
    connection->tcp().expires_after(timeout);
    auto [connect_ec, endpoint] =
        co_await connection->tcp().async_connect(endpoints, tuple_awaitable);
    if (connect_ec) {
        co_return fail(connect_ec == beast::error::timeout ? "timeout" : "connection_failed", true);
    }
    if (!base_.tls) {
        co_return connection;
    }

    auto& tls = std::get<TlsStream>(connection->stream);
    if (!prepare_tls_client(tls, base_.host)) {
        co_return fail("tls_failed", false);
    }
    connection->tcp().expires_after(timeout);
    auto [handshake_ec] = co_await tls.async_handshake(ssl::stream_base::client, tuple_awaitable);
    if (handshake_ec == beast::error::timeout) {
        co_return fail("timeout", true);
    }
    if (handshake_ec) {
        // A certificate that does not verify will not verify on the next attempt either.
        const bool untrusted = SSL_get_verify_result(tls.native_handle()) != X509_V_OK;
        co_return fail("tls_failed", !untrusted);
    }
    co_return connection;
}

std::unique_ptr<detail::Connection> WebApi::take_idle() {
    const auto now = Clock::now();
    while (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        if (now - connection->idle_since < max_idle_age) {
            return connection;
        }
    }
    return nullptr;
}

void WebApi::release(std::unique_ptr<Connection> connection) {
    if (idle_.size() < max_idle_connections) {
        connection->idle_since = Clock::now();
        idle_.push_back(std::move(connection));
    }
}

awaitable<void> WebApi::sleep(milliseconds duration) {
    if (duration <= milliseconds::zero()) {
        co_return;
    }
    net::steady_timer timer(executor_, duration);
    co_await timer.async_wait(net::use_awaitable);
}

} // namespace cocbot::slack
