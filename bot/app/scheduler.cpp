// File: bot/app/scheduler.cpp
#include "bot/app/scheduler.hpp"

#include "bot/app/clock.hpp"
#include "bot/app/logger.hpp"

#include <algorithm>

namespace cocbot::app {

namespace {

// How long a check that failed waits before it is tried again.
constexpr std::chrono::minutes failed_check_pause{5};

} // namespace

Scheduler::Scheduler(net::any_io_executor executor, storage::Database& database, Workflow& workflow)
    : executor_(executor), jobs_(database), workflow_(workflow), timer_(executor),
      loop_(executor, "scheduler", [this] { return run(); }) {}

void Scheduler::start() {
    loop_.start();
}

void Scheduler::wake() {
    timer_.cancel();
}

void Scheduler::stop() {
    stopping_ = true;
    loop_.stop();
    timer_.cancel();
}

void Scheduler::check(const core::IncidentId& incident) {
    try {
        // Each check commits its reminders' events with the next check time, in one
        // transaction: a crash before the commit runs it again, after it never.
        workflow_.handle(core::CheckDeadlines{incident}, now());
        log(Level::info, "deadline_check", {{"incident", incident.value}});
    } catch (...) {
        const auto why = failure_class(std::current_exception());
        log(Level::error, "deadline_check",
            {{"incident", incident.value}, {"outcome", "failed"}, {"class", why}});
        // If even this fails (the database is locked), the loop's supervisor takes over.
        jobs_.postpone(incident, now() + failed_check_pause);
    }
}

void Scheduler::run_due() {
    for (const auto& incident : jobs_.due(now()))
        check(incident);
}

awaitable<void> Scheduler::run() {
    while (!stopping_) {
        run_due();
        auto wait = std::chrono::seconds{3600};
        if (const auto next = jobs_.earliest())
            wait = std::clamp(*next - now(), std::chrono::seconds{0}, wait);
        // Checks are due by the second; wake just after the second turns.
        timer_.expires_after(std::min(wait + std::chrono::milliseconds{50}, clock_poll_limit()));
        co_await timer_.async_wait(net::as_tuple(net::use_awaitable));
    }
}

} // namespace cocbot::app
