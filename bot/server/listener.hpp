// File: bot/server/listener.hpp
// The HTTP server: binds, accepts, runs one session per connection, and stops gracefully.
#pragma once

#include "bot/net.hpp"
#include "bot/server/http_session.hpp"
#include "bot/server/router.hpp"

#include <memory>

namespace cocbot::server {

class Listener;

class Server {
public:
    using ErrorReporter = server::ErrorReporter;

    Server(net::any_io_executor executor, tcp::endpoint endpoint, Router router, Limits limits,
           ErrorReporter report);
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    ~Server();

    // Binds and starts the accept loop. At most Limits::max_connections are served at once; a
    // connection over that is accepted and closed at once. Throws boost::system::system_error
    // naming the endpoint if it cannot listen there (for example, the port is taken).
    void start();

    // The bound endpoint: the actual port when constructed with port 0. Valid after start().
    tcp::endpoint local_endpoint() const;

    // Graceful and asynchronous; safe from any thread, including a signal handler's completion.
    // Stops accepting, closes idle connections, lets requests in flight write their answer for
    // up to Limits::shutdown_grace, then closes the rest. Once those handlers return, the server
    // holds no pending work, so io_context::run() returns.
    void stop();

private:
    tcp::endpoint endpoint_;
    tcp::endpoint bound_;
    std::shared_ptr<Listener> listener_;
};

} // namespace cocbot::server
