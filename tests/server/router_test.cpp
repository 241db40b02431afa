// File: tests/server/router_test.cpp
// Routing by path and verb, and routes only this machine's clients may reach.
#include "bot/server/router.hpp"

#include <doctest/doctest.h>

namespace {

using namespace cocbot;

const auto loopback = net::ip::make_address("127.0.0.1");
const auto elsewhere = net::ip::make_address("203.0.113.7");

server::Router router_with_local_route() {
    auto ok = [](Request& req) -> awaitable<Response> {
        co_return server::response(req, http::status::ok, "counts\n");
    };
    return server::Router{{{"/metrics", http::verb::get, ok, server::Access::local},
                           {"/healthz", http::verb::get, ok}}};
}

http::status status_of(const server::Router& router, Request req, const net::ip::address& peer) {
    net::io_context io;
    http::status status{};
    net::co_spawn(
        io, [&]() -> awaitable<void> { status = (co_await router.dispatch(req, peer)).result(); },
        net::detached);
    io.run();
    return status;
}

Request get(std::string target) {
    return Request{http::verb::get, std::move(target), 11};
}

} // namespace

TEST_CASE("a local route answers a client on this machine") {
    const auto router = router_with_local_route();
    CHECK(status_of(router, get("/metrics"), loopback) == http::status::ok);
    CHECK(status_of(router, get("/metrics"), net::ip::make_address("::1")) == http::status::ok);
    // A dual-stack listener's view of a local IPv4 client.
    CHECK(status_of(router, get("/metrics"), net::ip::make_address("::ffff:127.0.0.1")) ==
          http::status::ok);
}

TEST_CASE("a local route is not found from another machine") {
    const auto router = router_with_local_route();
    CHECK(status_of(router, get("/metrics"), elsewhere) == http::status::not_found);
    CHECK(status_of(router, get("/metrics"), net::ip::make_address("::ffff:203.0.113.7")) ==
          http::status::not_found);
    CHECK(status_of(router, get("/metrics"), net::ip::address{}) == http::status::not_found);
    CHECK(status_of(router, get("/healthz"), elsewhere) == http::status::ok);
}

TEST_CASE("a local route is not found through a reverse proxy on this machine") {
    const auto router = router_with_local_route();
    for (const auto* header : {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
        auto req = get("/metrics");
        req.set(header, "203.0.113.7");
        CAPTURE(header);
        CHECK(status_of(router, req, loopback) == http::status::not_found);
    }
}

TEST_CASE("a local route with another verb is not found from elsewhere, and 405 from here") {
    const auto router = router_with_local_route();
    Request post{http::verb::post, "/metrics", 11};
    CHECK(status_of(router, post, elsewhere) == http::status::not_found);
    CHECK(status_of(router, post, loopback) == http::status::method_not_allowed);
}
