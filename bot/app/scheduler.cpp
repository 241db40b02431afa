// File: bot/app/scheduler.cpp
#include "bot/app/scheduler.hpp"

#include "bot/app/clock.hpp"
#include "bot/app/logger.hpp"

#include <algorithm>

namespace cocbot::app {

Scheduler::Scheduler(net::any_io_executor executor, storage::Database& database, Workflow& workflow)
    : executor_(executor), jobs_(database), workflow_(workflow), timer_(executor) {}

void Scheduler::start() {
    net::co_spawn(executor_, run(), [](std::exception_ptr e) {
        if (!e)
            return;
        try {
            std::rethrow_exception(e);
        } catch (const std::exception& ex) {
            log(Level::error, "scheduler_stopped", {{"reason", ex.what()}});
        }
    });
}

void Scheduler::wake() {
    timer_.cancel();
}

void Scheduler::stop() {
    stopping_ = true;
    timer_.cancel();
}

void Scheduler::run_due() {
    for (const auto& incident : jobs_.due(now())) {
        // Each check commits its reminders' events with the next check time, in one
        // transaction: a crash before the commit runs it again, after it never.
        workflow_.handle(core::CheckDeadlines{incident}, now());
        log(Level::info, "deadline_check", {{"incident", incident.value}});
    }
}

awaitable<void> Scheduler::run() {
    while (!stopping_) {
        run_due();
        auto wait = std::chrono::seconds{3600};
        if (const auto next = jobs_.earliest())
            wait = std::clamp(*next - now(), std::chrono::seconds{0}, wait);
        // Checks are due by the second; wake just after the second turns.
        timer_.expires_after(wait + std::chrono::milliseconds{50});
        co_await timer_.async_wait(net::as_tuple(net::use_awaitable));
    }
}

} // namespace cocbot::app
