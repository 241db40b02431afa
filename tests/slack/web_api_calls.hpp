// File: tests/slack/web_api_calls.hpp
// Running WebApi calls against FakeSlack in a test: the options, and one call run to its end.
#pragma once

#include "bot/slack/web_api.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <exception>
#include <optional>
#include <string>

namespace cocbot::testing {

inline constexpr auto token = "xoxb-test-token";

inline slack::WebApiOptions options_for(const std::string& base_url) {
    slack::WebApiOptions options;
    options.base_url = base_url;
    options.token = token;
    options.request_timeout = std::chrono::seconds{2};
    options.max_attempts = 3;
    options.backoff = std::chrono::milliseconds{20};
    return options;
}

// Runs one client coroutine to completion on `io`, bounded in time.
inline slack::ApiResult run(net::io_context& io, awaitable<slack::ApiResult> task) {
    std::optional<slack::ApiResult> result;
    std::exception_ptr failure;
    net::co_spawn(io, std::move(task), [&](std::exception_ptr e, slack::ApiResult value) {
        failure = e;
        result = std::move(value);
    });
    io.restart();
    io.run_for(std::chrono::seconds{10});
    if (failure) {
        std::rethrow_exception(failure);
    }
    REQUIRE(result.has_value());
    return std::move(*result);
}

} // namespace cocbot::testing
