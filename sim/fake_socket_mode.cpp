// File: sim/fake_socket_mode.cpp
// One io_context thread: an acceptor, a coroutine per connection (upgrade, hello, read loop)
// and a queue of writes per connection. The test thread only posts to it and reads the
// recorded facts under the mutex.
#include "sim/fake_socket_mode.hpp"

#include "bot/slack/form.hpp"
#include "sim/eventually.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace cocbot::sim {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;
using nlohmann::json;
constexpr auto tuple_awaitable = net::as_tuple(net::use_awaitable);
constexpr std::string_view close_marker{"\0close", 6};

namespace {

struct Connection {
    explicit Connection(tcp::socket socket) : ws(std::move(socket)) {}
    int id = 0;
    websocket::stream<beast::tcp_stream> ws;
    std::deque<std::string> out;
    bool writing = false;
    bool frozen = false;
};

std::string ticket_of(std::string_view target) {
    const auto at = target.find("ticket=");
    if (at == std::string_view::npos)
        return {};
    const auto value = target.substr(at + 7);
    return std::string{value.substr(0, value.find('&'))};
}

} // namespace

struct FakeSocketMode::Impl {
    net::io_context io;
    tcp::acceptor acceptor{io, {net::ip::make_address("127.0.0.1"), 0}};
    std::thread thread;
    std::map<int, std::shared_ptr<Connection>> connections; // io thread only

    mutable std::mutex mutex; // guards everything below
    int accepted = 0;
    std::set<int> open;
    std::vector<SocketAck> acks;
    int stale = 0;
    int others = 0;
    int opens = 0;
    int next_ticket = 0;
    int next_envelope = 0;
    std::string refusal;
    std::set<std::string> issued;

    json open_answer() {
        std::lock_guard lock{mutex};
        ++opens;
        if (!refusal.empty())
            return {{"ok", false}, {"error", refusal}};
        const auto ticket = "tk" + std::to_string(++next_ticket);
        issued.insert(ticket);
        return {{"ok", true},
                {"url", "ws://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port()) +
                            "/link/?ticket=" + ticket + "&app_id=A0TEST"}};
    }

    // A ticket is good once.
    bool redeem(const std::string& ticket) {
        std::lock_guard lock{mutex};
        if (issued.erase(ticket) == 1)
            return true;
        ++stale;
        return false;
    }

    void accept_loop() {
        acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
            if (ec)
                return;
            net::co_spawn(io, session(std::make_shared<Connection>(std::move(socket))),
                          net::detached);
            accept_loop();
        });
    }

    net::awaitable<void> session(std::shared_ptr<Connection> c) {
        beast::flat_buffer buffer;
        http::request<http::string_body> upgrade;
        auto [read_ec, read] =
            co_await http::async_read(c->ws.next_layer(), buffer, upgrade, tuple_awaitable);
        if (read_ec || !redeem(ticket_of(upgrade.target())))
            co_return; // refused: the socket closes without an upgrade
        auto [accept_ec] = co_await c->ws.async_accept(upgrade, tuple_awaitable);
        if (accept_ec)
            co_return;
        int held = 0;
        {
            std::lock_guard lock{mutex};
            c->id = ++accepted;
            open.insert(c->id);
            held = static_cast<int>(open.size()) + others;
        }
        connections[c->id] = c;
        write(c, json{{"type", "hello"},
                      {"num_connections", held},
                      {"debug_info", {{"host", "fake"}, {"approximate_connection_time", 18060}}},
                      {"connection_info", {{"app_id", "A0TEST"}}}}
                     .dump());
        co_await read_loop(c);
        std::lock_guard lock{mutex};
        open.erase(c->id);
    }

    net::awaitable<void> read_loop(std::shared_ptr<Connection> c) {
        beast::flat_buffer buffer;
        for (;;) {
            auto [ec, size] = co_await c->ws.async_read(buffer, tuple_awaitable);
            if (ec)
                break;
            const auto frame = json::parse(beast::buffers_to_string(buffer.data()), nullptr, false);
            buffer.clear();
            if (!frame.is_object() || !frame.contains("envelope_id"))
                continue;
            std::lock_guard lock{mutex};
            acks.push_back({frame["envelope_id"].get<std::string>(),
                            frame.contains("payload") ? frame["payload"] : json{}, c->id,
                            std::chrono::steady_clock::now()});
        }
        if (!c->frozen)
            connections.erase(c->id);
    }

    void write(const std::shared_ptr<Connection>& c, std::string text) {
        c->out.push_back(std::move(text));
        if (!c->writing) {
            c->writing = true;
            net::co_spawn(io, write_loop(c), net::detached);
        }
    }

    net::awaitable<void> write_loop(std::shared_ptr<Connection> c) {
        while (!c->out.empty() && !c->frozen) {
            const auto text = std::move(c->out.front());
            c->out.pop_front();
            if (text == close_marker) {
                co_await c->ws.async_close(websocket::close_code::going_away, tuple_awaitable);
                break;
            }
            auto [ec, written] = co_await c->ws.async_write(net::buffer(text), tuple_awaitable);
            if (ec)
                break;
        }
        c->writing = false;
    }

    // Runs `f` with the connection on the io thread, and waits until it ran.
    template <class F>
    void on_connection(int id, F f) {
        std::promise<void> done;
        net::post(io, [&] {
            if (const auto found = connections.find(id); found != connections.end())
                f(found->second);
            done.set_value();
        });
        done.get_future().wait();
    }

    int newest_open() const {
        std::lock_guard lock{mutex};
        return open.empty() ? 0 : *open.rbegin();
    }
};

FakeSocketMode::FakeSocketMode(FakeSlack& slack) : impl_(std::make_unique<Impl>()) {
    slack.respond("apps.connections.open",
                  [impl = impl_.get()](const json&) { return impl->open_answer(); });
    impl_->accept_loop();
    impl_->thread = std::thread([impl = impl_.get()] { impl->io.run(); });
}

FakeSocketMode::~FakeSocketMode() {
    impl_->io.stop();
    impl_->thread.join();
}

int FakeSocketMode::connections_accepted() const {
    std::lock_guard lock{impl_->mutex};
    return impl_->accepted;
}

int FakeSocketMode::open_connections() const {
    std::lock_guard lock{impl_->mutex};
    return static_cast<int>(impl_->open.size());
}

int FakeSocketMode::newest_open() const {
    return impl_->newest_open();
}

bool FakeSocketMode::wait_for_open(int count, std::chrono::milliseconds timeout) const {
    return eventually([&] { return open_connections() == count; }, timeout);
}

bool FakeSocketMode::wait_for_accepted(int count, std::chrono::milliseconds timeout) const {
    return eventually([&] { return connections_accepted() >= count; }, timeout);
}

int FakeSocketMode::stale_tickets() const {
    std::lock_guard lock{impl_->mutex};
    return impl_->stale;
}

void FakeSocketMode::set_other_connections(int count) {
    std::lock_guard lock{impl_->mutex};
    impl_->others = count;
}

int FakeSocketMode::opens_requested() const {
    std::lock_guard lock{impl_->mutex};
    return impl_->opens;
}

void FakeSocketMode::refuse_with(std::string error) {
    std::lock_guard lock{impl_->mutex};
    impl_->refusal = std::move(error);
}

std::string FakeSocketMode::send_envelope(const std::string& type, const json& payload,
                                          int connection, int retry_attempt) {
    std::string id;
    {
        std::lock_guard lock{impl_->mutex};
        id = "env-" + std::to_string(++impl_->next_envelope);
    }
    json envelope{{"envelope_id", id},
                  {"type", type},
                  {"payload", payload},
                  {"accepts_response_payload", type != "events_api"}};
    if (type == "events_api") {
        envelope["retry_attempt"] = retry_attempt;
        envelope["retry_reason"] = retry_attempt > 0 ? "timeout" : "";
    }
    send_text(connection == 0 ? newest_open() : connection, envelope.dump());
    return id;
}

void FakeSocketMode::send_text(int connection, const std::string& text) {
    impl_->on_connection(connection, [&](auto& c) { impl_->write(c, text); });
}

std::optional<SocketAck> FakeSocketMode::wait_for_ack(const std::string& envelope_id,
                                                      std::chrono::milliseconds timeout) const {
    std::optional<SocketAck> found;
    eventually(
        [&] {
            for (const auto& ack : acks())
                if (ack.envelope_id == envelope_id)
                    found = ack;
            return found.has_value();
        },
        timeout);
    return found;
}

std::vector<SocketAck> FakeSocketMode::acks() const {
    std::lock_guard lock{impl_->mutex};
    return impl_->acks;
}

HttpResponse FakeSocketMode::exchange(const std::string& content_type, const std::string& body,
                                      std::chrono::milliseconds timeout) {
    const auto started = std::chrono::steady_clock::now();
    std::string id;
    if (content_type == "application/json") {
        id = send_envelope("events_api", json::parse(body));
    } else {
        const auto form = slack::parse_form(body).value();
        if (const auto payload = form.get("payload")) {
            id = send_envelope("interactive", json::parse(*payload));
        } else {
            json fields = json::object();
            for (const auto& [key, value] : form.fields())
                fields[key] = value;
            id = send_envelope("slash_commands", fields);
        }
    }
    const auto ack = wait_for_ack(id, timeout);
    HttpResponse response;
    response.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    if (!ack) {
        response.body = "error: no ack";
        return response;
    }
    response.status = 200;
    response.body = ack->payload.is_null() ? "" : ack->payload.dump();
    return response;
}

void FakeSocketMode::disconnect(int connection, const std::string& reason) {
    send_text(connection,
              json{{"type", "disconnect"}, {"reason", reason}, {"debug_info", {{"host", "fake"}}}}
                  .dump());
}

void FakeSocketMode::close(int connection) {
    send_text(connection, std::string{close_marker});
}

void FakeSocketMode::drop(int connection) {
    impl_->on_connection(connection, [](auto& c) {
        beast::error_code ignored;
        beast::get_lowest_layer(c->ws).socket().close(ignored);
    });
}

void FakeSocketMode::freeze(int connection) {
    impl_->on_connection(connection, [&](auto& c) {
        c->frozen = true; // the read loop ends; the socket stays, silent
        beast::get_lowest_layer(c->ws).socket().cancel();
    });
    std::lock_guard lock{impl_->mutex};
    impl_->open.erase(connection);
}

} // namespace cocbot::sim
