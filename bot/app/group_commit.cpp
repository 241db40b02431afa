// File: bot/app/group_commit.cpp
#include "bot/app/group_commit.hpp"

#include "bot/app/logger.hpp"

namespace cocbot::app {

// A waiter sleeps on a timer that never expires by itself; the flush cancels it.
struct GroupCommit::Waiter {
    explicit Waiter(net::any_io_executor executor) : timer(executor) {}
    net::steady_timer timer;
    bool committed = false;
};

GroupCommit::GroupCommit(net::any_io_executor executor, storage::Database& database,
                         Metrics* metrics)
    : executor_(executor), database_(database), metrics_(metrics) {}

GroupCommit::~GroupCommit() {
    // Whatever is still unwritten (the executor's last bookkeeping) is not dropped on the way
    // out: SQLite would roll it back when the connection closes.
    flush();
    database_.group_commits({});
}

void GroupCommit::start() {
    database_.group_commits([this] { net::post(executor_, [this] { flush(); }); });
}

awaitable<bool> GroupCommit::durable() {
    if (!database_.unflushed())
        co_return true;
    auto waiter = std::make_shared<Waiter>(executor_);
    waiters_.push_back(waiter);
    waiter->timer.expires_at(net::steady_timer::time_point::max());
    co_await waiter->timer.async_wait(net::as_tuple(net::use_awaitable));
    co_return waiter->committed;
}

bool GroupCommit::flush() {
    bool committed = true;
    if (database_.unflushed()) {
        try {
            database_.flush();
            ++commits_;
            if (metrics_)
                metrics_->committed();
        } catch (const std::exception& e) {
            committed = false;
            log(Level::error, "commit_failed", {{"class", storage::error_class(e)}});
        }
    }
    for (const auto& waiter : std::exchange(waiters_, {})) {
        waiter->committed = committed;
        waiter->timer.cancel();
    }
    return committed;
}

} // namespace cocbot::app
