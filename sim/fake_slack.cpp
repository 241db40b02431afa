// File: sim/fake_slack.cpp
// FakeSlack: a Beast server on its own io_context thread in front of a small in-memory model of
// Slack (SlackState, in slack_state.hpp). The model is plain code under one mutex; the transport
// adds failures, delays and call recording around it.
#include "sim/fake_slack.hpp"

#include "bot/net.hpp"
#include "bot/slack/scopes.hpp"
#include "sim/fake_slack_impl.hpp"
#include "sim/slack_args.hpp"
#include "sim/slack_state.hpp"

#include <algorithm>
#include <atomic>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <charconv>
#include <climits>
#include <cstdio>
#include <future>
#include <map>
#include <mutex>
#include <thread>

namespace cocbot::sim {
namespace {

using nlohmann::json;
namespace urls = boost::urls;

using fake::add_params;
using fake::dm_for;
using fake::slack_error;
using fake::SlackState;

constexpr auto tuple_awaitable = net::as_tuple(net::use_awaitable);

// Takes one use of the first armed entry for `method`, or for "*".
template <typename T>
std::optional<T> take_armed(std::map<std::string, T, std::less<>>& armed, std::string_view method) {
    for (const std::string_view key : {method, std::string_view("*")}) {
        const auto it = armed.find(key);
        if (it != armed.end() && it->second.remaining > 0) {
            T taken = it->second;
            if (--it->second.remaining == 0)
                armed.erase(it);
            return taken;
        }
    }
    return std::nullopt;
}

Response text_response(http::status status, std::string body) {
    Response response{status, 11};
    response.set(http::field::content_type, "text/plain");
    response.body() = std::move(body);
    return response;
}

Response json_response(http::status status, const json& body) {
    Response response{status, 11};
    response.set(http::field::content_type, "application/json; charset=utf-8");
    response.body() = body.dump(-1, ' ', false, json::error_handler_t::replace);
    return response;
}

// A session that throws is a bug in the fake: say so, since its client only sees a closed socket.
void report_failure(const std::exception_ptr& failure) {
    try {
        if (failure)
            std::rethrow_exception(failure);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "FakeSlack: session failed: %s\n", e.what());
    }
}

} // namespace

awaitable<void> FakeSlack::Impl::accept_loop() {
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(tuple_awaitable);
        if (ec == net::error::operation_aborted || !acceptor.is_open())
            co_return;
        if (!ec) {
            ++connections;
            net::co_spawn(io, session(std::move(socket)), report_failure);
        }
    }
}

awaitable<void> FakeSlack::Impl::session(tcp::socket socket) {
    auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
    std::erase_if(open_streams, [](const auto& weak) { return weak.expired(); });
    open_streams.push_back(stream);
    beast::flat_buffer buffer;
    for (;;) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(8 * 1024 * 1024);
        stream->expires_after(std::chrono::seconds(60));
        auto [read_ec, read] = co_await http::async_read(*stream, buffer, parser, tuple_awaitable);
        if (read_ec)
            break;
        const Request request = parser.release();
        Response response = handle(request);
        std::chrono::milliseconds wait;
        {
            std::lock_guard lock(mutex);
            wait = delay;
        }
        if (wait.count() > 0) {
            net::steady_timer timer(io, wait);
            co_await timer.async_wait(tuple_awaitable);
        }
        response.keep_alive(request.keep_alive());
        response.prepare_payload();
        stream->expires_after(std::chrono::seconds(60));
        auto [write_ec, written] = co_await http::async_write(*stream, response, tuple_awaitable);
        if (write_ec || !response.keep_alive())
            break;
    }
    error_code ignored;
    stream->socket().shutdown(tcp::socket::shutdown_send, ignored);
}

Response FakeSlack::Impl::handle(const Request& request) {
    const auto target = urls::parse_origin_form(request.target());
    constexpr std::string_view prefix = "/api/";
    if (!target || !target->encoded_path().starts_with(prefix))
        return text_response(http::status::not_found, "not found");
    const std::string method = target->path().substr(prefix.size());
    json args = json::object();
    add_params(args, *target);
    const auto content_type = request[http::field::content_type];
    if (content_type.starts_with("application/json")) {
        const auto body = json::parse(request.body(), nullptr, false);
        if (!body.is_object())
            return json_response(http::status::ok, slack_error("invalid_json"));
        args.update(body);
    } else if (!request.body().empty()) {
        const std::string query = "/?" + request.body();
        const auto form = urls::parse_origin_form(query);
        if (!form)
            return json_response(http::status::ok, slack_error("invalid_form_data"));
        add_params(args, *form);
    }
    const std::string authorization(request[http::field::authorization]);
    std::size_t index = 0;
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(mutex);
        index = calls.size();
        generation = calls_generation;
        calls.push_back({method, std::string(request.method_string()), args, authorization,
                         std::chrono::steady_clock::now(), nullptr});
    }
    const bool authorized = !authorization.empty() || args.contains("token");
    auto response = answer(method, args, authorized);
    if (authorized) // as Slack does: the token's scopes on every answer
        response.set("x-oauth-scopes", scopes_for(authorization));
    auto parsed = json::parse(response.body(), nullptr, false);
    std::lock_guard lock(mutex);
    if (generation == calls_generation) // clear_calls() may have emptied the record meanwhile
        calls[index].answer = parsed.is_discarded() ? json{} : std::move(parsed);
    return response;
}

Response FakeSlack::Impl::answer(const std::string& method, const json& args, bool authorized) {
    Handler handler;
    {
        std::lock_guard lock(mutex);
        if (const auto failure = take_armed(failures, method)) {
            const auto status = static_cast<http::status>(failure->status);
            if (failure->status != 429)
                return text_response(status, "fake failure");
            Response response = json_response(status, slack_error("ratelimited"));
            if (failure->retry_after)
                response.set(http::field::retry_after, std::to_string(*failure->retry_after));
            return response;
        }
        if (const auto answer = take_armed(errors, method))
            return json_response(http::status::ok, slack_error(answer->error));
        if (!authorized)
            return json_response(http::status::ok, slack_error("not_authed"));
        if (const auto it = handlers.find(method); it != handlers.end())
            handler = it->second;
        else
            return json_response(http::status::ok, state.handle(method, args));
    }
    // Custom handlers run unlocked, so they may call back into FakeSlack.
    try {
        return json_response(http::status::ok, handler(args));
    } catch (const std::exception& e) {
        return text_response(http::status::internal_server_error, e.what());
    }
}

void FakeSlack::remove_user(std::string user, Gone how) {
    std::lock_guard lock(impl_->mutex);
    (how == Gone::deactivated ? impl_->state.deactivated : impl_->state.unknown)
        .insert(std::move(user));
}

void FakeSlack::set_scopes(std::string scopes) {
    std::lock_guard lock(impl_->mutex);
    impl_->bot_scopes = std::move(scopes);
}

FakeSlack::FakeSlack() : impl_(std::make_unique<Impl>()) {
    for (const auto scope : slack::bot_scopes()) // every scope the app manifest grants
        impl_->bot_scopes += (impl_->bot_scopes.empty() ? "" : ",") + std::string{scope};
    const tcp::endpoint endpoint{net::ip::make_address("127.0.0.1"), 0};
    impl_->acceptor.open(endpoint.protocol());
    impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    impl_->acceptor.bind(endpoint);
    impl_->acceptor.listen();
    impl_->port = impl_->acceptor.local_endpoint().port();
    net::co_spawn(impl_->io, impl_->accept_loop(), net::detached);
    impl_->thread = std::thread([impl = impl_.get()] { impl->io.run(); });
}

FakeSlack::~FakeSlack() {
    impl_->io.stop();
    impl_->thread.join();
}

std::uint16_t FakeSlack::port() const {
    return impl_->acceptor.local_endpoint().port();
}

std::string FakeSlack::base_url() const {
    return "http://127.0.0.1:" + std::to_string(port()) + "/api/";
}

void FakeSlack::set_delay(std::chrono::milliseconds delay) {
    std::lock_guard lock(impl_->mutex);
    impl_->delay = delay;
}

void FakeSlack::fail_next(std::string method, int http_status, int times,
                          std::optional<int> retry_after_seconds) {
    std::lock_guard lock(impl_->mutex);
    impl_->failures[std::move(method)] = fake::Failure{http_status, times, retry_after_seconds};
}

void FakeSlack::set_error(std::string method, std::string error, int times) {
    std::lock_guard lock(impl_->mutex);
    impl_->errors[std::move(method)] = fake::ErrorAnswer{std::move(error), times};
}

void FakeSlack::add_message(std::string channel_id, std::string text) {
    std::lock_guard lock(impl_->mutex);
    impl_->state.add_message(std::move(channel_id), std::move(text));
}

void FakeSlack::cap_history_pages(std::size_t messages) {
    std::lock_guard lock(impl_->mutex);
    impl_->state.history_page_cap = messages;
}

void FakeSlack::set_real_name(std::string user, std::string real_name) {
    std::lock_guard lock(impl_->mutex);
    impl_->state.real_names[std::move(user)] = std::move(real_name);
}

void FakeSlack::respond(std::string method, Handler handler) {
    std::lock_guard lock(impl_->mutex);
    impl_->handlers[std::move(method)] = std::move(handler);
}

void FakeSlack::add_channel(std::string id, std::string name, std::set<std::string> members) {
    std::lock_guard lock(impl_->mutex);
    impl_->state.add_channel({std::move(id), std::move(name), true, false, std::move(members)});
}

bool FakeSlack::remove_member(std::string_view channel_id, std::string_view user) {
    std::lock_guard lock(impl_->mutex);
    return impl_->state.remove_member(channel_id, user);
}

void FakeSlack::drop_connections() {
    std::promise<void> done;
    net::post(impl_->io, [this, &done] {
        for (const auto& weak : impl_->open_streams) {
            if (const auto stream = weak.lock()) {
                error_code ignored;
                stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
            }
        }
        done.set_value();
    });
    done.get_future().wait();
}

} // namespace cocbot::sim
