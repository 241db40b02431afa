// File: bot/server/listener.cpp
// Accept loop with a connection cap, and the session registry. The listener's state lives on one
// strand; each connection gets its own, and the registry (touched from both) has a mutex.
#include "bot/server/listener.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cocbot::server {
namespace {

constexpr auto as_tuple_awaitable = net::as_tuple(net::use_awaitable);

// How long to wait before accepting again after a failure such as running out of descriptors.
constexpr std::chrono::milliseconds accept_retry_delay{100};

std::string to_string(const tcp::endpoint& endpoint) {
    return endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

// Runs a session; the coroutine frame owns it, so the registry only needs weak references.
awaitable<void> run_session(std::shared_ptr<HttpSession> session) {
    co_await session->run();
}

} // namespace

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(net::any_io_executor executor, std::shared_ptr<const SessionContext> context)
        : executor_(std::move(executor)), strand_(net::make_strand(executor_)), acceptor_(strand_),
          retry_timer_(strand_), grace_timer_(strand_), context_(std::move(context)) {}

    // Synchronous, on the caller's thread: nothing else touches the acceptor yet.
    tcp::endpoint listen(const tcp::endpoint& endpoint) {
        if (acceptor_.is_open())
            throw std::logic_error("server already started");
        error_code ec;
        acceptor_.open(endpoint.protocol(), ec);
        if (!ec)
            acceptor_.set_option(net::socket_base::reuse_address(true), ec);
        if (!ec)
            acceptor_.bind(endpoint, ec);
        if (!ec)
            acceptor_.listen(net::socket_base::max_listen_connections, ec);
        if (ec) {
            acceptor_.close();
            throw boost::system::system_error(ec, "cannot listen on " + to_string(endpoint));
        }
        return acceptor_.local_endpoint();
    }

    void start_accepting() {
        net::co_spawn(strand_, accept_loop(shared_from_this()),
                      [self = shared_from_this()](std::exception_ptr failure) {
                          if (failure)
                              self->report("accept loop", describe(failure));
                      });
    }

    void stop() {
        net::dispatch(strand_, [self = shared_from_this()] { self->begin_stop(); });
    }

private:
    static awaitable<void> accept_loop(std::shared_ptr<Listener> self) {
        while (!self->stopping_) {
            // The new connection gets its own strand.
            auto [ec, socket] = co_await self->acceptor_.async_accept(
                net::any_io_executor(net::make_strand(self->executor_)), as_tuple_awaitable);
            if (self->stopping_ || ec == net::error::operation_aborted)
                co_return;
            if (!ec) {
                self->admit(std::move(socket));
                continue;
            }
            // Out of descriptors and the like: report, then wait instead of spinning.
            self->report("accept", ec.message());
            self->retry_timer_.expires_after(accept_retry_delay);
            co_await self->retry_timer_.async_wait(as_tuple_awaitable);
        }
    }

    // On strand_. Above the cap, a connection is accepted and closed at once: accepting goes on,
    // so the kernel's queue never fills with connections nobody reads, and each one costs a
    // descriptor only for a moment. The operator hears of it once per time the cap is reached.
    void admit(tcp::socket socket) {
        const std::size_t cap = std::max<std::size_t>(1, context_->limits.max_connections);
        if (session_count() < cap) {
            at_capacity_ = false;
            spawn_session(std::move(socket));
            return;
        }
        error_code ignored;
        socket.close(ignored);
        if (!at_capacity_)
            report("connections", "the limit of " + std::to_string(cap) +
                                      " connections is reached; new ones are closed at once");
        at_capacity_ = true;
    }

    void spawn_session(tcp::socket socket) {
        auto session = std::make_shared<HttpSession>(std::move(socket), context_);
        const std::uint64_t id = add(session);
        // A failure ends only this session, never the server.
        net::co_spawn(session->get_executor(), run_session(session),
                      [self = shared_from_this(), id](std::exception_ptr failure) {
                          if (failure)
                              self->report("session", describe(failure));
                          self->remove(id);
                      });
    }

    // On strand_.
    void begin_stop() {
        if (stopping_)
            return;
        stopping_ = true;
        error_code ignored;
        acceptor_.close(ignored);
        retry_timer_.cancel();

        const auto live = sessions();
        for (const auto& session : live)
            net::post(session->get_executor(), [session] { session->stop(); });
        if (live.empty())
            return;
        // Whatever is still running when the grace period ends is closed; remove() cancels this
        // timer when the last session ends first, so that it does not keep run() waiting.
        grace_timer_.expires_after(context_->limits.shutdown_grace);
        grace_timer_.async_wait([self = shared_from_this()](error_code ec) {
            if (ec)
                return;
            for (const auto& session : self->sessions())
                net::post(session->get_executor(), [session] { session->close(); });
        });
    }

    std::uint64_t add(const std::shared_ptr<HttpSession>& session) {
        const std::lock_guard lock{mutex_};
        const std::uint64_t id = next_id_++;
        sessions_.emplace(id, session);
        return id;
    }

    // On the session's strand; the rest happens on ours, where stopping_ lives.
    void remove(std::uint64_t id) {
        {
            const std::lock_guard lock{mutex_};
            sessions_.erase(id);
        }
        net::post(strand_, [self = shared_from_this()] {
            if (self->stopping_ && self->session_count() == 0)
                self->grace_timer_.cancel();
        });
    }

    std::vector<std::shared_ptr<HttpSession>> sessions() {
        const std::lock_guard lock{mutex_};
        std::vector<std::shared_ptr<HttpSession>> live;
        for (const auto& [id, weak] : sessions_)
            if (auto session = weak.lock())
                live.push_back(std::move(session));
        return live;
    }

    std::size_t session_count() {
        const std::lock_guard lock{mutex_};
        return sessions_.size();
    }

    void report(std::string_view what, std::string_view detail) const {
        if (context_->report)
            context_->report(what, detail);
    }

    net::any_io_executor executor_; // sessions get strands of this
    net::any_io_executor strand_;   // the listener's own state: acceptor, timers, stopping_
    tcp::acceptor acceptor_;
    net::steady_timer retry_timer_;
    net::steady_timer grace_timer_;
    std::shared_ptr<const SessionContext> context_;
    bool stopping_ = false;
    // The cap was reached (and reported) since a connection was last let in.
    bool at_capacity_ = false;

    std::mutex mutex_; // guards the registry, which sessions update from their own strands
    std::map<std::uint64_t, std::weak_ptr<HttpSession>> sessions_;
    std::uint64_t next_id_ = 0;
};

Server::Server(net::any_io_executor executor, tcp::endpoint endpoint, Router router, Limits limits,
               ErrorReporter report)
    : endpoint_(std::move(endpoint)),
      listener_(std::make_shared<Listener>(std::move(executor),
                                           std::make_shared<const SessionContext>(SessionContext{
                                               std::move(router), limits, std::move(report)}))) {}

// Pending work keeps the listener alive; stopping is stop()'s job, not the destructor's.
Server::~Server() = default;

void Server::start() {
    bound_ = listener_->listen(endpoint_);
    listener_->start_accepting();
}

tcp::endpoint Server::local_endpoint() const {
    return bound_;
}

void Server::stop() {
    listener_->stop();
}

} // namespace cocbot::server
