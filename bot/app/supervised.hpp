// File: bot/app/supervised.hpp
// A loop that must not stay stopped: the executor, the scheduler, the health monitor. Whatever
// escapes its body is logged by class and the body is started again, after a growing pause.
#pragma once

#include "bot/net.hpp"

#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <string>

namespace cocbot::app {

struct Backoff {
    std::chrono::milliseconds first{1000};
    std::chrono::milliseconds longest{60000};
};

// The class of a failure, for a log line or an outbox row: never its message, which may quote
// stored values or a Web API answer.
std::string failure_class(std::exception_ptr failure);

class Supervised {
public:
    // `body` runs until its work is done (a loop's, when its owner stops it); whenever it
    // throws, it is started again. All calls but the two readers belong on `executor`.
    Supervised(net::any_io_executor executor, std::string name,
               std::function<awaitable<void>()> body, Backoff backoff = {});

    void start();
    // No restart after this; the body itself is told to stop by its owner.
    void stop();
    // Whether the body is running now (not between a failure and its restart, not finished).
    // Any thread.
    bool running() const { return running_.load(); }
    // How many times the body failed and was restarted.
    int restarts() const { return restarts_.load(); }

private:
    awaitable<void> supervise();

    net::any_io_executor executor_;
    std::string name_;
    std::function<awaitable<void>()> body_;
    Backoff backoff_;
    net::steady_timer pause_;
    bool stopping_ = false;
    std::atomic<bool> running_{false};
    std::atomic<int> restarts_{0};
};

} // namespace cocbot::app
