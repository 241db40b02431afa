// File: bot/app/monitor.cpp
#include "bot/app/monitor.hpp"

#include "bot/app/clock.hpp"
#include "bot/app/logger.hpp"
#include "bot/app/supervised.hpp"

#include <exception>

namespace cocbot::app {

Monitor::Monitor(net::any_io_executor executor, storage::Database& database,
                 const CommitteeRoster& roster, Health& health, Metrics& metrics,
                 std::vector<Chore> chores)
    : database_(database), outbox_(database), seen_(database), roster_(roster), health_(health),
      metrics_(metrics), chores_(std::move(chores)), jobs_(database), timer_(executor),
      loop_(executor, "monitor", [this] { return run(); }) {}

void Monitor::start() {
    loop_.start();
}

void Monitor::stop() {
    stopping_ = true;
    loop_.stop();
    timer_.cancel();
}

void Monitor::wake() {
    timer_.cancel();
}

void Monitor::probe() {
    const bool database_ok = database_.healthy();
    std::optional<core::Time> oldest;
    if (database_ok)
        oldest = outbox_.oldest_pending_created();
    health_.probed(database_ok, oldest, roster_.channel_known(),
                   roster_.committee().channel_members.size());
    if (!database_ok)
        return;
    metrics_.probed(outbox_.count("pending"), oldest, jobs_.earliest());
    for (const auto& chore : chores_) {
        try {
            chore(now());
        } catch (const std::exception&) {
            // Tried again at the next probe; the probe itself went through.
            log(Level::error, "chore_failed", {{"class", failure_class(std::current_exception())}});
        }
    }
}

void Monitor::prune() {
    const auto& options = health_.options();
    const auto forgotten = seen_.prune_before(now() - options.seen_events_kept);
    if (forgotten > 0)
        log(Level::info, "pruned", {{"seen_events", std::to_string(forgotten)}});
    const auto done = outbox_.prune_done_before(now() - options.done_effects_kept);
    if (done > 0)
        log(Level::info, "pruned", {{"done_effects", std::to_string(done)}});
    // What was pruned is zeroed in the file (secure_delete); the log's old frames go too.
    if (!database_.checkpoint())
        log(Level::info, "checkpoint", {{"outcome", "deferred"}});
}

awaitable<void> Monitor::run() {
    const auto& options = health_.options();
    auto next_prune = std::chrono::steady_clock::now();
    while (!stopping_) {
        probe();
        if (std::chrono::steady_clock::now() >= next_prune) {
            prune();
            next_prune = std::chrono::steady_clock::now() + options.prune_interval;
        }
        timer_.expires_after(options.probe_interval);
        co_await timer_.async_wait(net::as_tuple(net::use_awaitable));
    }
}

} // namespace cocbot::app
