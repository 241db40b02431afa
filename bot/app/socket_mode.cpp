// File: bot/app/socket_mode.cpp
// The connection's life: a new URL from apps.connections.open for every connection, bounded
// jittered backoff after failures, make-before-break on Slack's refreshes, and a stop, not a
// loop, when Socket Mode is turned off or the token cannot work.
#include "bot/app/socket_mode.hpp"

#include "bot/app/logger.hpp"
#include "bot/slack/json_reader.hpp"
#include "bot/slack/socket_message.hpp"

#include <algorithm>
#include <array>

namespace cocbot::app {

namespace {

using std::chrono::milliseconds;
constexpr auto tuple_awaitable = net::as_tuple(net::use_awaitable);

// apps.connections.open errors that no retry will mend (node-slack-sdk's list, and a token of
// the wrong kind or scope).
bool unrecoverable(std::string_view error) {
    constexpr std::array errors{
        "not_authed",    "invalid_auth",  "account_inactive",       "user_removed_from_team",
        "team_disabled", "missing_scope", "not_allowed_token_type", "token_revoked",
        "token_expired"};
    return std::find(errors.begin(), errors.end(), error) != errors.end();
}

std::string fatal_message(std::string_view error) {
    return "Socket Mode cannot start: Slack answered apps.connections.open with " +
           std::string{error} +
           ". SLACK_APP_TOKEN must be this app's app-level token (xapp-...) with the scope "
           "connections:write (Slack app settings: Basic Information > App-Level Tokens).";
}

constexpr std::string_view link_disabled_text =
    "Socket Mode is turned off in the Slack app settings (Socket Mode > Enable Socket Mode); "
    "turn it on and restart cocbot, or set slack.mode = \"http\"";

} // namespace

struct SocketMode::Live {
    std::shared_ptr<slack::SocketConnection> connection;
    bool greeted = false;
    bool retiring = false; // Slack asked for a new connection: it closes once one is greeted
    int unanswered = 0;    // envelopes being decided: their acks go on this socket
    bool closing = false;
    std::shared_ptr<net::steady_timer> greeting{}; // aborts a connection Slack does not greet
    std::chrono::steady_clock::time_point last_frame = std::chrono::steady_clock::now();
};

SocketMode::SocketMode(net::any_io_executor executor, slack::Api& api, Handler handler,
                       OnFatal on_fatal, Metrics& metrics, SocketModeOptions options)
    : executor_(executor), api_(api), handler_(std::move(handler)), on_fatal_(std::move(on_fatal)),
      metrics_(metrics), options_(options), wake_(executor), pause_(executor), retire_(executor) {}

void SocketMode::start() {
    net::co_spawn(executor_, maintain(), [](std::exception_ptr e) {
        if (e)
            log(Level::error, "socket_mode", {{"outcome", "exception"}});
    });
}

void SocketMode::stop() {
    stopped_ = true;
    wake_.cancel();
    pause_.cancel();
    retire_.cancel();
    for (const auto& live : live_)
        live->connection->close();
}

HealthCheck SocketMode::health() const {
    if (disabled_)
        return {"socket_mode", false, std::string{link_disabled_text}};
    if (greeted_ > 0)
        return {"socket_mode", true, "connected"};
    return {"socket_mode", false, "connecting to Slack"};
}

std::size_t SocketMode::active() const {
    return static_cast<std::size_t>(
        std::count_if(live_.begin(), live_.end(), [](const auto& l) { return !l->retiring; }));
}

void SocketMode::wake() {
    wake_.cancel();
}

// Keeps one connection that Slack has not asked to replace; opens the next when there is none.
awaitable<void> SocketMode::maintain() {
    while (!stopped_ && !disabled_) {
        if (active() > 0) {
            wake_.expires_at(net::steady_timer::time_point::max());
            co_await wake_.async_wait(tuple_awaitable);
            continue;
        }
        if (const auto wait = std::exchange(retry_after_, std::nullopt))
            co_await pause(*wait);
        else if (failures_ > 0)
            co_await pause(backoff());
        if (stopped_)
            break;
        const auto url = co_await fetch_url();
        if (!url || stopped_)
            continue;
        std::string error;
        auto connection =
            co_await slack::SocketConnection::open(executor_, *url, options_.socket, error);
        if (!connection) {
            failed("connect", error);
            continue;
        }
        if (stopped_) {
            connection->abort();
            break;
        }
        live_.push_back(std::make_shared<Live>(Live{std::move(connection)}));
        expect_greeting(live_.back());
        net::co_spawn(executor_, serve(live_.back()), net::detached);
    }
}

awaitable<std::optional<slack::SocketUrl>> SocketMode::fetch_url() {
    const auto result = co_await api_.call("apps.connections.open", nlohmann::json::object());
    if (!result.ok) {
        if (unrecoverable(result.error)) {
            stopped_ = true;
            log(Level::error, "socket_mode", {{"outcome", "fatal"}, {"error", result.error}});
            on_fatal_(fatal_message(result.error));
            co_return std::nullopt;
        }
        if (result.retry_after)
            retry_after_ = result.retry_after;
        failed("open", result.error);
        co_return std::nullopt;
    }
    std::optional<std::string> problem;
    const slack::JsonReader reader{result.body, "", problem};
    const auto text = reader.string({"url"}, slack::JsonReader::Need::required);
    auto url = problem ? std::nullopt : slack::parse_socket_url(text);
    if (!url)
        failed("open", "unacceptable_url"); // never sent anything in clear text off this host
    co_return url;
}

// Slack greets every connection at once; one that stays silent is no use. (Built outside the
// coroutine: GCC 12 miscounts a coroutine parameter captured by a lambda inside it.)
void SocketMode::expect_greeting(const std::shared_ptr<Live>& live) {
    live->greeting =
        std::make_shared<net::steady_timer>(executor_, options_.socket.connect_timeout);
    live->greeting->async_wait([timer = live->greeting, weak = std::weak_ptr(live)](error_code ec) {
        const auto l = weak.lock();
        if (!ec && l && !l->greeted)
            l->connection->abort();
    });
}

slack::SocketConnection::OnText SocketMode::reader_for(const std::shared_ptr<Live>& live) {
    return [this, live](std::string text) { on_text(live, text); };
}

awaitable<void> SocketMode::serve(std::shared_ptr<Live> live) {
    const auto ended = co_await live->connection->run(reader_for(live));
    live->greeting->cancel();
    std::erase(live_, live);
    if (live->greeted)
        --greeted_;
    // A connection lost, not replaced, is reconnected soon but not at once; one never greeted
    // is a failed attempt.
    if (!live->retiring)
        failures_ = live->greeted ? std::max(failures_, 1) : failures_ + 1;
    metrics_.socket_event("ended_" + ended);
    log(live->retiring ? Level::info : Level::warn, "socket_closed",
        {{"how", ended}, {"greeted", live->greeted ? "true" : "false"}});
    wake();
}

void SocketMode::on_text(const std::shared_ptr<Live>& live, const std::string& text) {
    live->last_frame = std::chrono::steady_clock::now();
    auto message = slack::parse_socket_message(text);
    if (const auto* hello = std::get_if<slack::SocketHello>(&message))
        return on_hello(*live, hello->num_connections);
    if (const auto* disconnect = std::get_if<slack::SocketDisconnect>(&message))
        return on_disconnect(*live, disconnect->reason);
    if (const auto* unknown = std::get_if<slack::SocketUnknown>(&message)) {
        log(Level::warn, "socket_frame", {{"outcome", "ignored"}, {"problem", unknown->problem}});
        return;
    }
    auto& envelope = std::get<slack::SocketEnvelope>(message);
    crowded_ = 0;
    if (const auto* error = std::get_if<slack::ParseError>(&envelope.payload)) {
        // Acknowledged, as over HTTP a 400 is final: a redelivery would not parse either.
        log(Level::warn, "socket_envelope",
            {{"type", envelope.type}, {"outcome", "bad_request"}, {"problem", error->message}});
        live->connection->send(slack::socket_ack(envelope.envelope_id, {}));
        return;
    }
    ++live->unanswered;
    net::co_spawn(executor_,
                  answer(live, std::move(envelope.envelope_id),
                         std::get<slack::Payload>(std::move(envelope.payload))),
                  net::detached);
}

awaitable<void> SocketMode::answer(std::shared_ptr<Live> live, std::string envelope_id,
                                   slack::Payload payload) {
    std::optional<std::string> reply;
    try {
        reply = co_await handler_(std::move(payload));
    } catch (...) {
        log(Level::error, "socket_envelope", {{"outcome", "exception"}});
    }
    if (reply)
        live->connection->send(slack::socket_ack(envelope_id, *reply));
    --live->unanswered;
    retire_replaced();
}

// Make-before-break: a connection Slack asked to replace closes once another is greeted, its
// own envelopes are acknowledged, and Slack has sent nothing on it for a moment (an envelope
// arriving after our close frame could not be acknowledged). If Slack keeps using it, Slack
// closes it itself.
void SocketMode::retire_replaced() {
    const bool replaced = std::any_of(live_.begin(), live_.end(),
                                      [](const auto& l) { return l->greeted && !l->retiring; });
    if (!replaced)
        return;
    const auto now = std::chrono::steady_clock::now();
    auto next_check = std::chrono::steady_clock::time_point::max();
    for (const auto& live : live_) {
        if (!live->retiring || live->unanswered > 0 || live->closing)
            continue;
        const auto quiet_from = live->last_frame + options_.retire_after_quiet;
        if (quiet_from <= now) {
            live->closing = true;
            live->connection->close();
        } else {
            next_check = std::min(next_check, quiet_from);
        }
    }
    if (next_check == std::chrono::steady_clock::time_point::max())
        return;
    retire_.expires_at(next_check);
    retire_.async_wait([this](error_code ec) {
        if (!ec && !stopped_)
            retire_replaced();
    });
}

void SocketMode::on_hello(Live& live, int num_connections) {
    if (!live.greeted) {
        live.greeted = true;
        ++greeted_;
    }
    failures_ = 0;
    metrics_.socket_event("connected");
    const auto held = live_.size();
    log(Level::info, "socket_hello", {{"num_connections", std::to_string(num_connections)}});
    if (num_connections > static_cast<int>(held))
        log(Level::warn, "socket_other_connections",
            {{"num_connections", std::to_string(num_connections)},
             {"held", std::to_string(held)},
             {"detail", "another process takes events with this app token"}});
    retire_replaced();
}

void SocketMode::on_disconnect(Live& live, const std::string& reason) {
    metrics_.socket_event("disconnect_" + reason);
    log(Level::info, "socket_disconnect", {{"reason", reason}});
    live.retiring = true;
    if (reason == "link_disabled") {
        disabled_ = true;
        log(Level::error, "socket_mode",
            {{"outcome", "link_disabled"}, {"detail", std::string{link_disabled_text}}});
        for (const auto& l : live_)
            l->connection->close();
    } else if (reason == "too_many_websockets") {
        // Sockets never closed cleanly still count on Slack's side: wait for them to lapse
        // rather than stampede (node-slack-sdk PR #1762).
        ++crowded_;
        retry_after_ = std::chrono::duration_cast<std::chrono::seconds>(std::min(
            options_.max_backoff, options_.crowded_backoff * (1 << std::min(crowded_ - 1, 6))));
        live.connection->close();
    }
    wake(); // warning, refresh_requested and anything new: a new connection first
}

void SocketMode::failed(std::string_view what, std::string_view error) {
    ++failures_;
    metrics_.socket_event(std::string{what} + "_failed");
    log(Level::warn, "socket_mode",
        {{"step", std::string{what}},
         {"error", std::string{error}},
         {"failures", std::to_string(failures_)}});
}

std::chrono::milliseconds SocketMode::backoff() {
    const auto doubled = options_.first_backoff * (1LL << std::min(failures_ - 1, 16));
    const auto capped = std::min<milliseconds>(doubled, options_.max_backoff);
    std::uniform_real_distribution<double> spread{0.5, 1.0};
    return milliseconds{
        static_cast<milliseconds::rep>(static_cast<double>(capped.count()) * spread(jitter_))};
}

awaitable<void> SocketMode::pause(std::chrono::milliseconds duration) {
    // Said, so that an operator who sees no connection knows it is waiting, and for how long.
    log(Level::info, "socket_wait", {{"ms", std::to_string(duration.count())}});
    pause_.expires_after(duration);
    co_await pause_.async_wait(tuple_awaitable);
}

} // namespace cocbot::app
