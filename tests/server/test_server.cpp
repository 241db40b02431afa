// File: tests/server/test_server.cpp
// The in-process test server: its router, its thread, and what it reported.
#include "tests/server/test_server.hpp"

#include <stdexcept>
#include <utility>

namespace cocbot::testing {

using namespace std::chrono_literals;

TestServer::TestServer(server::Limits limits)
    : server_(ioc_.get_executor(), tcp::endpoint{net::ip::address_v4::loopback(), 0}, make_router(),
              limits, [this](std::string_view what, std::string_view detail) {
                  const std::lock_guard lock{mutex_};
                  reports_.push_back({std::string{what}, std::string{detail}});
              }) {
    server_.start();
    port_ = server_.local_endpoint().port();
    runner_ = std::thread([this] {
        // An exception out of run() would end a real process; here it is recorded, so that the
        // test fails saying so instead of terminating.
        try {
            ioc_.run();
        } catch (...) {
            const std::lock_guard lock{mutex_};
            crash_ = server::describe(std::current_exception());
        }
        ran_.set_value();
    });
}

TestServer::~TestServer() {
    // A test that failed early must not leave the thread running.
    if (!stopped_ && !stop_and_wait(3s))
        ioc_.stop();
    runner_.join();
}

bool TestServer::stop_and_wait(std::chrono::milliseconds bound) {
    server_.stop();
    stopped_ = true;
    return run_returned_.wait_for(bound) == std::future_status::ready;
}

std::vector<Report> TestServer::reports() {
    const std::lock_guard lock{mutex_};
    return reports_;
}

std::optional<std::string> TestServer::crash() {
    const std::lock_guard lock{mutex_};
    return crash_;
}

server::Router TestServer::make_router() {
    auto echo = [](Request& req) -> awaitable<Response> {
        co_return server::response(req, http::status::ok, req.body());
    };
    return server::Router{{
        {"/echo", http::verb::post, echo},
        {"/echo", http::verb::put, echo},
        {"/healthz", http::verb::get,
         [](Request& req) -> awaitable<Response> {
             co_return server::response(req, http::status::ok, "ok\n");
         }},
        {"/throw", http::verb::get,
         [](Request&) -> awaitable<Response> {
             throw std::runtime_error("secret detail: reporter is alice");
             co_return Response{};
         }},
        {"/slow", http::verb::get,
         [this](Request& req) -> awaitable<Response> {
             slow_started_ = true;
             net::steady_timer timer{co_await net::this_coro::executor, 300ms};
             co_await timer.async_wait(net::use_awaitable);
             co_return server::response(req, http::status::ok, "slow done");
         }},
    }};
}

} // namespace cocbot::testing
