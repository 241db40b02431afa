// File: bot/server/router.hpp
// Routing as a const table of {path, verb, handler}: 404 for an unknown path, 405 for a known
// path with another verb.
#pragma once

#include "bot/net.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::server {

// A handler gets the whole request: signature checks need the raw body and headers.
using Handler = std::function<awaitable<Response>(Request&)>;

// Who may reach a route. `local`: only a client on this machine that did not come through a
// proxy (no Forwarded, X-Forwarded-For or X-Real-IP header): a reverse proxy in front of
// cocbot connects from loopback too, so the address alone would let the internet in. Everyone
// else is told 404, as if the route did not exist.
enum class Access { anyone, local };

// `path` is compared to the request target without its query string. It is a view, so it
// should name a literal (or anything else that outlives the router).
struct Route {
    std::string_view path;
    http::verb verb;
    Handler handler;
    Access access = Access::anyone;
};

class Router {
public:
    explicit Router(std::vector<Route> routes);

    // Runs the matching handler for a request from `peer`; exceptions from handlers propagate
    // to the caller.
    awaitable<Response> dispatch(Request& req, const net::ip::address& peer) const;

private:
    std::vector<Route> routes_;
};

inline constexpr std::string_view plain_text = "text/plain; charset=utf-8";

// Every response cocbot sends is built here: it answers `req` in its HTTP version, keeps the
// connection open if the request allows it, and has no Content-Type when `content_type` is empty.
Response response(const Request& req, http::status status, std::string body,
                  std::string_view content_type = plain_text);

} // namespace cocbot::server
