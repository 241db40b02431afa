// File: fuzz/executor_fuzz.cpp
// The executor's handling of Web API answers: every kind of effect, performed against a Slack
// whose every answer is fuzzed, from a real (in-memory) database and workflow.
//
// Input: the bodies of successive Web API answers, separated by '\0', whatever the method; once
// they run out, Slack answers {"ok":false,"error":"invalid_auth"}. Checked: no exception leaves
// the executor or io_context::run(), its loop never stops while it has work, and every effect
// is settled (done or failed) within its attempts, however Slack answered.
#include "bot/app/clock.hpp"
#include "bot/app/executor.hpp"
#include "bot/app/group_commit.hpp"
#include "bot/app/read_models.hpp"
#include "bot/app/workflow.hpp"
#include "bot/slack/api.hpp"
#include "fuzz/fuzz_input.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/support/two_member_roster.hpp"

#include <chrono>
#include <cstdint>

namespace {

namespace app = cocbot::app;
namespace core = cocbot::core;
namespace fuzz = cocbot::fuzz;
namespace net = cocbot::net;
namespace slack = cocbot::slack;
namespace storage = cocbot::storage;
using cocbot::awaitable;

// Slack, answering each call with the next fuzzed body, read as WebApi reads a 200 answer.
class FuzzedSlack final : public slack::Api {
public:
    explicit FuzzedSlack(std::string_view answers) : answers_(answers) {}

    awaitable<slack::ApiResult> call(std::string, nlohmann::json) override { co_return next(); }
    awaitable<slack::ApiResult> get(std::string, slack::Query) override { co_return next(); }

private:
    slack::ApiResult next() {
        slack::ApiResult result;
        result.http_status = 200;
        result.attempts = 1;
        const std::string_view body = answers_.empty() ? R"({"ok":false,"error":"invalid_auth"})"
                                                       : fuzz::take_until(answers_, '\0');
        auto parsed = nlohmann::json::parse(body, nullptr, false);
        if (parsed.is_object())
            result.body = std::move(parsed);
        slack::read_ok(result);
        return result;
    }

    std::string_view answers_;
};

core::Report report() {
    core::Report r;
    r.reported.user = core::UserId{"UREPORTED"};
    r.description = "Shouted at a volunteer";
    r.location = "Hall B";
    return r;
}

// A filed report's own effects (its prompt, its channel) and one of every other kind.
core::IncidentId stage_effects(storage::Database& db, app::Workflow& workflow) {
    const auto now = app::now();
    const auto outcome = workflow.file_report(core::UserId{"UALICE"}, report(), now);
    const auto* decision = std::get_if<core::Decision>(&outcome);
    fuzz::expect(decision != nullptr, "the fuzz target's report was refused");
    fuzz::expect(!decision->events.empty() &&
                     std::holds_alternative<core::ReportFiled>(decision->events.front()),
                 "a filed report's first event is not ReportFiled");
    const auto id = std::get<core::ReportFiled>(decision->events.front()).incident;
    const core::ChannelId channel{"G0INCIDENT"};
    const core::Notice notice{"A notice"};
    storage::UnitOfWork work{db};
    work.enqueue(id,
                 {core::Post{id, channel, {}, notice, true},
                  core::Post{id, {}, core::UserId{"UBOB"}, notice, false},
                  core::Update{id, {channel, "1700000000.000100"}, notice},
                  core::Ephemeral{channel, core::UserId{"UBOB"}, notice},
                  core::Invite{id, channel, core::UserId{"UBOB"}},
                  core::Remove{id, channel, core::UserId{"UMALLORY"}},
                  core::ShareEscrowedReports{id, channel, {id, core::IncidentId{"1999-001"}}},
                  core::ArchiveChannel{id, channel}},
                 now);
    work.commit();
    return id;
}

// Stops the executor once nothing is pending; a loop that is down, or effects that never
// settle, are findings.
awaitable<void> watch(app::Executor& executor, storage::Database& db) {
    storage::Outbox outbox{db};
    net::steady_timer tick{co_await net::this_coro::executor};
    for (int polls = 0; polls < 20000; ++polls) {
        fuzz::expect(executor.running(), "the executor's loop stopped while it had work");
        if (!outbox.oldest_pending_created()) {
            executor.stop();
            co_return;
        }
        tick.expires_after(std::chrono::milliseconds(1));
        co_await tick.async_wait(net::use_awaitable);
    }
    fuzz::finding("effects were still pending after every attempt");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    storage::Database db{":memory:"};
    auto roster = cocbot::testing::two_member_roster();
    app::Workflow workflow{db, roster};
    const app::ReadModels reads{db, roster};
    stage_effects(db, workflow);

    net::io_context io;
    FuzzedSlack slack{fuzz::as_text(data, size)};
    // Two attempts each, the second at once: the retry path (its history lookup) is fuzzed too.
    app::GroupCommit commits{io.get_executor(), db}; // as in the service: grouped writes
    commits.start();
    app::Executor executor{io.get_executor(),
                           db,
                           commits,
                           workflow,
                           reads,
                           slack,
                           {.max_attempts = 2, .first_retry = std::chrono::seconds{0}}};
    workflow.on_committed([&] { executor.wake(); });
    executor.start();
    net::co_spawn(io, watch(executor, db), [](std::exception_ptr failure) {
        if (failure)
            fuzz::finding("the watcher failed");
    });
    try {
        io.run();
    } catch (const std::exception& e) {
        fuzz::finding("an exception left io_context::run()", e.what());
    }
    return 0;
}
