// File: bot/slack/socket_connection.cpp
// resolve -> connect -> TLS -> upgrade, then one read loop, one writer and one watchdog per
// connection. Every write (text, ping, close) goes through the writer, so no two overlap.
#include "bot/slack/socket_connection.hpp"

#include "bot/slack/resolve.hpp"
#include "bot/slack/tls_context.hpp"

#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <deque>
#include <optional>
#include <type_traits>
#include <variant>

namespace cocbot::slack {
namespace {

namespace websocket = beast::websocket;
using Clock = std::chrono::steady_clock;
using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
constexpr auto tuple_awaitable = net::as_tuple(net::use_awaitable);

struct Ping {};
struct Close {};
using Write = std::variant<std::string, Ping, Close>;

template <class Next>
class Connection final : public SocketConnection,
                         public std::enable_shared_from_this<Connection<Next>> {
public:
    template <class... Args>
    Connection(net::any_io_executor executor, SocketOptions options, Args&&... next)
        : executor_(executor), options_(options), ws_(std::forward<Args>(next)...),
          watchdog_(executor) {}

    websocket::stream<Next>& stream() { return ws_; }

    awaitable<std::string> run(OnText on_text) override {
        heard();
        ws_.control_callback([this](websocket::frame_type, beast::string_view) { heard(); });
        net::co_spawn(executor_, watch(this->shared_from_this()), net::detached);
        std::string ended;
        for (;;) {
            buffer_.clear();
            auto [ec, size] = co_await ws_.async_read(buffer_, tuple_awaitable);
            if (ec) {
                ended = dead_ ? "dead" : ec == websocket::error::closed ? "closed" : "dropped";
                break;
            }
            heard();
            if (ws_.got_text())
                on_text(beast::buffers_to_string(buffer_.data()));
        }
        ended_ = true;
        watchdog_.cancel();
        co_return ended;
    }

    void send(std::string text) override { queue(std::move(text)); }

    void close() override { queue(Close{}); }

    void abort() override {
        ended_ = true;
        watchdog_.cancel();
        beast::get_lowest_layer(ws_).close();
    }

private:
    void heard() { last_heard_ = Clock::now(); }

    void queue(Write write) {
        if (closing_ || ended_)
            return;
        closing_ = std::holds_alternative<Close>(write);
        writes_.push_back(std::move(write));
        if (!writing_) {
            writing_ = true;
            net::co_spawn(executor_, write_all(this->shared_from_this()), net::detached);
        }
    }

    static awaitable<void> write_all(std::shared_ptr<Connection> self) {
        while (!self->writes_.empty() && !self->ended_) {
            auto write = std::move(self->writes_.front());
            self->writes_.pop_front();
            auto [ec] = co_await self->perform(write);
            if (ec) {
                self->abort(); // a half-written socket is no use; run() returns
                break;
            }
        }
        self->writing_ = false;
    }

    awaitable<std::tuple<error_code>> perform(Write& write) {
        if (auto* text = std::get_if<std::string>(&write)) {
            ws_.text(true);
            auto [ec, written] = co_await ws_.async_write(net::buffer(*text), tuple_awaitable);
            co_return std::tuple{ec};
        }
        if (std::holds_alternative<Ping>(write))
            co_return co_await ws_.async_ping({}, tuple_awaitable);
        co_return co_await ws_.async_close(websocket::close_code::normal, tuple_awaitable);
    }

    // Pings when the line has been quiet for an interval; gives up on a peer silent for
    // dead_after, whose socket may never report an error by itself (no FIN, no RST).
    static awaitable<void> watch(std::shared_ptr<Connection> self) {
        while (!self->ended_) {
            self->watchdog_.expires_after(self->options_.ping_interval);
            auto [ec] = co_await self->watchdog_.async_wait(tuple_awaitable);
            if (ec || self->ended_)
                break;
            const auto quiet = Clock::now() - self->last_heard_;
            if (quiet >= self->options_.dead_after) {
                self->dead_ = true;
                self->abort();
                break;
            }
            if (quiet >= self->options_.ping_interval && !self->closing_)
                self->queue(Ping{});
        }
    }

    net::any_io_executor executor_;
    SocketOptions options_;
    websocket::stream<Next> ws_;
    net::steady_timer watchdog_;
    std::deque<Write> writes_;
    beast::flat_buffer buffer_;
    Clock::time_point last_heard_{};
    bool writing_ = false;
    bool closing_ = false;
    bool ended_ = false;
    bool dead_ = false;
};

// TCP, then TLS for wss://, then the WebSocket upgrade. Empty when it worked.
template <class Next>
awaitable<std::string> upgrade(Connection<Next>& connection, const SocketUrl& url,
                               const tcp::resolver::results_type& endpoints,
                               const SocketOptions& options) {
    auto& ws = connection.stream();
    auto& tcp_layer = beast::get_lowest_layer(ws);
    tcp_layer.expires_after(options.connect_timeout);
    auto [connect_ec, endpoint] = co_await tcp_layer.async_connect(endpoints, tuple_awaitable);
    if (connect_ec)
        co_return connect_ec == beast::error::timeout ? "timeout" : "connection_failed";
    if constexpr (std::is_same_v<Next, TlsStream>) {
        if (!prepare_tls_client(ws.next_layer(), url.host))
            co_return "tls_failed";
        tcp_layer.expires_after(options.connect_timeout);
        auto [tls_ec] =
            co_await ws.next_layer().async_handshake(ssl::stream_base::client, tuple_awaitable);
        if (tls_ec)
            co_return tls_ec == beast::error::timeout ? "timeout" : "tls_failed";
    }
    // From here Beast keeps the time: the handshake's and the close's limit, no idle limit.
    tcp_layer.expires_never();
    websocket::stream_base::timeout limits{};
    limits.handshake_timeout = options.connect_timeout;
    limits.idle_timeout = websocket::stream_base::none();
    limits.keep_alive_pings = false;
    ws.set_option(limits);
    ws.set_option(websocket::stream_base::decorator(
        [](websocket::request_type& request) { request.set(http::field::user_agent, "cocbot"); }));
    ws.read_message_max(options.max_message);
    auto [ws_ec] = co_await ws.async_handshake(url.host_header, url.target, tuple_awaitable);
    if (ws_ec)
        co_return ws_ec == beast::error::timeout ? "timeout" : "handshake_failed";
    co_return std::string{};
}

template <class Next, class... Args>
awaitable<std::shared_ptr<SocketConnection>>
open_as(net::any_io_executor executor, const SocketUrl& url,
        const tcp::resolver::results_type& endpoints, SocketOptions options, std::string& error,
        Args&&... next) {
    auto connection =
        std::make_shared<Connection<Next>>(executor, options, std::forward<Args>(next)...);
    error = co_await upgrade(*connection, url, endpoints, options);
    if (!error.empty())
        co_return nullptr;
    co_return connection;
}

} // namespace

awaitable<std::shared_ptr<SocketConnection>> SocketConnection::open(net::any_io_executor executor,
                                                                    const SocketUrl& url,
                                                                    SocketOptions options,
                                                                    std::string& error) {
    const auto resolved =
        co_await resolve_within(executor, url.host, url.port, options.connect_timeout);
    if (resolved.error) {
        error = "connection_failed";
        co_return nullptr;
    }
    if (!url.tls)
        co_return co_await open_as<PlainStream>(executor, url, resolved.endpoints, options, error,
                                                executor);
    // The context outlives every stream made with it: it is the process's shared one.
    static const auto tls = shared_tls_context();
    co_return co_await open_as<TlsStream>(executor, url, resolved.endpoints, options, error,
                                          executor, *tls);
}

} // namespace cocbot::slack
