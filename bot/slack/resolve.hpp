// File: bot/slack/resolve.hpp
// Name resolution with a deadline: Asio's resolver has none of its own, so a timer cancels it.
#pragma once

#include "bot/net.hpp"

#include <chrono>
#include <string>

namespace cocbot::slack {

struct Resolved {
    tcp::resolver::results_type endpoints;
    error_code error; // net::error::operation_aborted when the deadline passed first
};

awaitable<Resolved> resolve_within(net::any_io_executor executor, std::string host,
                                   std::string port, std::chrono::milliseconds timeout);

} // namespace cocbot::slack
