// File: bot/server/router.cpp
// Table lookup from (path, verb) to handler, and the one builder of responses.
#include "bot/server/router.hpp"

#include <utility>

namespace cocbot::server {
namespace {

// Routes match on the path alone; a query string never changes which handler runs.
std::string_view path_of(std::string_view target) {
    return target.substr(0, target.find('?'));
}

bool came_through_proxy(const Request& req) {
    return req.count(http::field::forwarded) > 0 || req.count("X-Forwarded-For") > 0 ||
           req.count("X-Real-IP") > 0;
}

// A dual-stack listener sees a local IPv4 client as ::ffff:127.x.y.z.
bool is_loopback(const net::ip::address& peer) {
    if (peer.is_v6() && peer.to_v6().is_v4_mapped())
        return net::ip::make_address_v4(net::ip::v4_mapped, peer.to_v6()).is_loopback();
    return peer.is_loopback();
}

bool may_reach(const Route& route, const Request& req, const net::ip::address& peer) {
    return route.access == Access::anyone || (is_loopback(peer) && !came_through_proxy(req));
}

} // namespace

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {}

awaitable<Response> Router::dispatch(Request& req, const net::ip::address& peer) const {
    const std::string_view path = path_of(req.target());
    std::string allow;
    for (const Route& route : routes_) {
        if (route.path != path || !may_reach(route, req, peer))
            continue;
        if (route.verb == req.method())
            co_return co_await route.handler(req);
        // Collect the verbs this path does accept, for the 405's Allow header.
        if (!allow.empty())
            allow += ", ";
        allow += http::to_string(route.verb);
    }
    if (allow.empty())
        co_return response(req, http::status::not_found, "not found\n");
    Response res = response(req, http::status::method_not_allowed, "method not allowed\n");
    res.set(http::field::allow, allow);
    co_return res;
}

Response response(const Request& req, http::status status, std::string body,
                  std::string_view content_type) {
    Response res{status, req.version()};
    res.set(http::field::server, "cocbot");
    if (!content_type.empty())
        res.set(http::field::content_type, content_type);
    res.keep_alive(req.keep_alive());
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
}

} // namespace cocbot::server
