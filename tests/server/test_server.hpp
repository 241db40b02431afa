// File: tests/server/test_server.hpp
// A Server with a small test router, run in-process on 127.0.0.1 on its own io_context thread.
#pragma once

#include "bot/net.hpp"
#include "bot/server/listener.hpp"
#include "bot/server/router.hpp"
#include "sim/eventually.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cocbot::testing {

using namespace cocbot::sim; // the simulated workspace is the tests' Slack

struct Report {
    std::string what;
    std::string detail;
};

// Routes: POST and PUT /echo (the body back), GET /healthz ("ok"), GET /throw (a handler that
// throws) and GET /slow (answers after 300 ms).
class TestServer {
public:
    explicit TestServer(server::Limits limits = {});
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;
    ~TestServer();

    std::uint16_t port() const { return port_; }
    bool slow_started() const { return slow_started_; }
    server::Server& server() { return server_; }

    // Stops the server; true when io_context::run() then returned within `bound`.
    bool stop_and_wait(std::chrono::milliseconds bound);

    std::vector<Report> reports();

    // What escaped io_context::run(), had anything: the server would have died with it.
    std::optional<std::string> crash();

private:
    server::Router make_router();

    net::io_context ioc_;
    std::mutex mutex_;
    std::vector<Report> reports_;
    std::optional<std::string> crash_;
    std::atomic<bool> slow_started_{false};
    server::Server server_;
    std::uint16_t port_ = 0;
    std::promise<void> ran_;
    std::future<void> run_returned_ = ran_.get_future();
    bool stopped_ = false;
    std::thread runner_;
};

} // namespace cocbot::testing
