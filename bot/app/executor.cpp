// File: bot/app/executor.cpp
#include "bot/app/executor.hpp"

#include "bot/app/clock.hpp"
#include "bot/app/executor_result.hpp"
#include "bot/app/executor_texts.hpp"
#include "bot/app/logger.hpp"
#include "core/overloaded.hpp"

#include <algorithm>

namespace cocbot::app {

using nlohmann::json;

namespace {

// The person an effect invites or messages directly, if it does.
const core::UserId* addressee(const core::Effect& effect) {
    if (const auto* invite = std::get_if<core::Invite>(&effect))
        return &invite->user;
    if (const auto* post = std::get_if<core::Post>(&effect); post && !post->to_user.empty())
        return &post->to_user;
    return nullptr;
}

// The message to a person leaving the committee goes to them once they are off the roster.
bool is_farewell(const core::Effect& effect) {
    const auto* post = std::get_if<core::Post>(&effect);
    return post && std::holds_alternative<core::Farewell>(post->message);
}

// The motion number core needs to address a motion's message later; 0 for other messages.
int motion_number(const core::Message& message) {
    const auto* motion = std::get_if<core::MotionMessage>(&message);
    return motion ? motion->number : 0;
}

// The command that tells the incident's people that a step which matters failed for good.
std::optional<core::Command> failure_report(const core::Effect& effect, const std::string& error) {
    if (const auto* remove = std::get_if<core::Remove>(&effect))
        return core::RemovalFailed{remove->incident, remove->user, error, remove->channel};
    if (const auto* create = std::get_if<core::CreatePrivateChannel>(&effect))
        return core::StepFailed{create->incident,
                                create->role == core::ChannelRole::hr
                                    ? core::FailedStep::create_hr_channel
                                    : core::FailedStep::create_channel,
                                {},
                                error};
    if (const auto* invite = std::get_if<core::Invite>(&effect))
        return core::StepFailed{invite->incident, core::FailedStep::invite, invite->user, error,
                                invite->channel};
    return std::nullopt;
}

} // namespace

Executor::Executor(net::any_io_executor executor, storage::Database& database, GroupCommit& commits,
                   Workflow& workflow, const ReadModels& reads, slack::Api& api,
                   ExecutorOptions options)
    : executor_(executor), outbox_(database), events_(database), commits_(commits),
      workflow_(workflow), reads_(reads), api_(api), options_(options), timer_(executor),
      loop_(executor, "executor", [this] { return run(); }) {}

void Executor::start() {
    loop_.start();
}

void Executor::on_committee_effect(std::function<void(const CommitteeSettled&)> listener) {
    committee_settled_ = std::move(listener);
}

void Executor::on_committee_text(
    std::function<std::optional<core::Effect>(const core::Effect&)> loader) {
    committee_text_ = std::move(loader);
}

void Executor::tell_committee_records(const CommitteeSettled& settled) {
    if (!committee_settled_)
        return;
    // Its own error boundary: a record that cannot be written now (a busy database) must not
    // stop the loop; the effect is closed, and the next probe moves an off-boarding on.
    try {
        committee_settled_(settled);
    } catch (const std::exception&) {
        log(Level::error, "committee_effect", {{"class", failure_class(std::current_exception())}});
    }
}

void Executor::wake() {
    timer_.cancel();
}

void Executor::stop() {
    stopping_ = true;
    loop_.stop();
    timer_.cancel();
}

awaitable<void> Executor::run() {
    while (!stopping_) {
        std::optional<storage::PendingEffect> pending;
        try {
            pending = outbox_.next_due(now());
        } catch (const storage::UndecodableEffect& undecodable) {
            fail_undecodable(undecodable);
            continue;
        }
        if (pending) {
            co_await perform(*pending);
            continue;
        }
        // Sleep until the earliest retry, or until wake() says there is new work.
        auto wait = std::chrono::seconds{3600};
        if (const auto next = outbox_.earliest_pending())
            wait = std::clamp(*next - now(), std::chrono::seconds{0}, wait);
        timer_.expires_after(wait);
        co_await timer_.async_wait(net::as_tuple(net::use_awaitable));
    }
}

core::Time Executor::retry_time(int attempts_so_far) const {
    auto delay = options_.first_retry;
    for (int i = 0; i < attempts_so_far && delay < options_.longest_retry; ++i)
        delay *= 2;
    return now() + std::min(delay, options_.longest_retry);
}

awaitable<void> Executor::perform(const storage::PendingEffect& pending) {
    // Record the attempt before calling Slack: after a crash, the next run knows the effect
    // may already have happened and checks before doing it again.
    outbox_.record_attempt(pending.id, retry_time(pending.attempts));
    // The attempt, and the decision that queued the effect, reach the disk before Slack hears
    // of either. When they cannot, Slack hears nothing, and the effect waits for the disk.
    if (!commits_.flush()) {
        timer_.expires_after(options_.first_retry);
        co_await timer_.async_wait(net::as_tuple(net::use_awaitable));
        co_return;
    }
    // The effect's own error boundary: whatever one effect throws fails that effect alone.
    Result result;
    std::exception_ptr failure;
    try {
        result = co_await attempt(pending);
    } catch (...) {
        failure = std::current_exception();
    }
    if (failure)
        result = Result::failed("exception:" + failure_class(failure));
    settle(pending, result);
}

// The outbox holds references to what people wrote; the text is read now, from the events.
awaitable<Executor::Result> Executor::attempt(const storage::PendingEffect& pending) {
    // Queued before its addressee left the roster (a removal is decided at start-up, behind
    // whatever was already waiting): they get nothing more.
    if (const auto* user = addressee(pending.effect);
        user && !reads_.may_reach(*user) && !is_farewell(pending.effect))
        co_return Result::done({{"skipped", "off_roster"}});
    auto loaded = with_stored_text(pending.effect, events_, pending.created_at);
    if (loaded && !pending.incident && committee_text_)
        loaded = committee_text_(*loaded);
    if (!loaded)
        co_return Result::failed("unknown_incident");
    storage::PendingEffect with_text = pending;
    with_text.effect = std::move(*loaded);
    co_return co_await attempt_loaded(with_text);
}

awaitable<Executor::Result> Executor::attempt_loaded(const storage::PendingEffect& pending) {
    return std::visit(
        core::overloaded{
            [&](const core::Post& p) { return post(pending, p); },
            [&](const core::Update& u) { return update(u); },
            [&](const core::Ephemeral& e) { return ephemeral(pending, e); },
            [&](const core::CreatePrivateChannel& c) { return create_channel(c); },
            [&](const core::Invite& i) { return invite(i); },
            [&](const core::Remove& r) { return remove(r); },
            [&](const core::ArchiveChannel& a) { return archive(a); },
            [&](const core::ShareEscrowedReports& s) { return share_escrowed(pending, s); },
        },
        pending.effect);
}

void Executor::settle(const storage::PendingEffect& pending, const Result& result) {
    const auto id = std::to_string(pending.id);
    switch (result.kind) {
    case Result::Kind::done:
        // Core learns where the message is before the effect is closed: a crash in between
        // re-runs the effect, which finds the message and records the same position again.
        if (!pending.incident)
            tell_committee_records({pending.effect, result.posted, std::nullopt});
        if (result.posted && pending.incident) {
            const auto& post = std::get<core::Post>(pending.effect);
            workflow_.handle(core::RecordMessagePosted{*pending.incident, *result.posted,
                                                       core::kind_of(post.message),
                                                       motion_number(post.message), post.to_user},
                             now());
        }
        if (result.report)
            workflow_.handle(*result.report, now());
        outbox_.mark_done(pending.id, result.detail);
        log(Level::info, "effect", {{"id", id}, {"outcome", "done"}});
        return;
    case Result::Kind::retry:
        if (pending.attempts + 1 < options_.max_attempts) {
            log(Level::warn, "effect",
                {{"id", id}, {"outcome", "retry"}, {"error", result.detail}});
            return;
        }
        break;
    case Result::Kind::failed:
        break;
    }
    fail(pending, result.detail);
}

void Executor::fail(const storage::PendingEffect& pending, const std::string& error) {
    // A removal, a channel or an invite that never happened leaves someone uncleared in the
    // channel or a cleared member without the report: whatever the reason, people must hear of
    // it. They are told before the row is closed, so a crash in between tells them again
    // rather than never.
    if (!pending.incident)
        tell_committee_records({pending.effect, std::nullopt, error});
    else if (const auto report = failure_report(pending.effect, error))
        workflow_.handle(*report, now());
    outbox_.mark_failed(pending.id, error);
    log(Level::error, "effect",
        {{"id", std::to_string(pending.id)}, {"outcome", "failed"}, {"error", error}});
}

void Executor::fail_undecodable(const storage::UndecodableEffect& undecodable) {
    outbox_.mark_failed(undecodable.id(), "undecodable");
    log(Level::error, "effect",
        {{"id", std::to_string(undecodable.id())},
         {"outcome", "failed"},
         {"error", "undecodable"}});
}

} // namespace cocbot::app
