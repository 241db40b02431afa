// File: bot/app/supervised.cpp
#include "bot/app/supervised.hpp"

#include "bot/app/logger.hpp"
#include "storage/database.hpp"

#include <algorithm>

namespace cocbot::app {

std::string failure_class(std::exception_ptr failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception& e) {
        return storage::error_class(e);
    } catch (...) {
        return "unknown exception";
    }
}

Supervised::Supervised(net::any_io_executor executor, std::string name,
                       std::function<awaitable<void>()> body, Backoff backoff)
    : executor_(executor), name_(std::move(name)), body_(std::move(body)), backoff_(backoff),
      pause_(executor) {}

void Supervised::start() {
    running_ = true;
    net::co_spawn(executor_, supervise(), [this](std::exception_ptr failure) {
        running_ = false;
        if (failure)
            log(Level::error, "supervisor_failed",
                {{"loop", name_}, {"class", failure_class(failure)}});
    });
}

void Supervised::stop() {
    stopping_ = true;
    pause_.cancel();
}

awaitable<void> Supervised::supervise() {
    auto pause = backoff_.first;
    while (!stopping_) {
        running_ = true;
        std::exception_ptr failure;
        try {
            co_await body_();
        } catch (...) {
            failure = std::current_exception();
        }
        if (stopping_ || !failure)
            break; // asked to stop, or the body's work is done
        running_ = false;
        ++restarts_;
        log(Level::error, "loop_stopped",
            {{"loop", name_},
             {"class", failure_class(failure)},
             {"restart_in_ms", std::to_string(pause.count())}});
        pause_.expires_after(pause);
        co_await pause_.async_wait(net::as_tuple(net::use_awaitable));
        pause = std::min(pause * 2, backoff_.longest);
    }
    running_ = false;
}

} // namespace cocbot::app
