// File: bot/slack/resolve.cpp
#include "bot/slack/resolve.hpp"

#include <memory>

namespace cocbot::slack {

awaitable<Resolved> resolve_within(net::any_io_executor executor, std::string host,
                                   std::string port, std::chrono::milliseconds timeout) {
    auto resolver = std::make_shared<tcp::resolver>(executor);
    net::steady_timer deadline(executor, timeout);
    deadline.async_wait([weak = std::weak_ptr(resolver)](error_code ec) {
        if (auto r = weak.lock(); r && !ec)
            r->cancel();
    });
    auto [ec, endpoints] =
        co_await resolver->async_resolve(host, port, net::as_tuple(net::use_awaitable));
    deadline.cancel();
    co_return Resolved{std::move(endpoints), ec};
}

} // namespace cocbot::slack
