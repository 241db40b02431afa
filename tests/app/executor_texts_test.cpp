// File: tests/app/executor_texts_test.cpp
// The executor posts what a queued message references, read from the incident's events: a report
// queued by this version (a reference) and one queued by an earlier version (the text inline)
// reach Slack the same.
#include "bot/app/clock.hpp"
#include "bot/app/executor.hpp"
#include "bot/app/executor_texts.hpp"
#include "bot/app/workflow.hpp"
#include "bot/slack/api.hpp"
#include "storage/database.hpp"
#include "storage/event_store.hpp"
#include "storage/outbox.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/app/workflow_fixture.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <chrono>
#include <doctest/doctest.h>
#include <string>
#include <vector>

namespace {

using namespace cocbot;

// Slack that says yes to everything and remembers each chat.postMessage's arguments.
class RecordingSlack final : public slack::Api {
public:
    awaitable<slack::ApiResult> call(std::string method, nlohmann::json args) override {
        if (method == "chat.postMessage")
            posted.push_back(args.dump());
        methods.push_back(method);
        co_return ok();
    }
    awaitable<slack::ApiResult> get(std::string, slack::Query) override { co_return ok(); }

    std::vector<std::string> posted;
    std::vector<std::string> methods; // every call, in order

private:
    static slack::ApiResult ok() {
        slack::ApiResult result;
        result.http_status = 200;
        result.attempts = 1;
        result.body = {{"ok", true}, {"ts", "1700000000.000100"}, {"channel", {{"id", "D1"}}}};
        slack::read_ok(result);
        return result;
    }
};

core::Report report() {
    core::Report r;
    r.reported.user = core::UserId{"UREPORTED"};
    r.description = "Shouted at a volunteer during the keynote";
    r.location = "Hall B";
    r.reporter_name = "Alex Reporter";
    r.source = core::Source::in_person; // Alice took it: she is asked, not the reporter
    return r;
}

// Runs the executor until the outbox has nothing pending (or a generous bound of polls).
void drain(storage::Database& db, app::Workflow& workflow, const app::ReadModels& reads,
           slack::Api& api) {
    net::io_context io;
    app::GroupCommit commits{io.get_executor(), db};
    app::Executor executor{io.get_executor(), db, commits, workflow, reads, api};
    executor.start();
    net::co_spawn(
        io,
        [&]() -> awaitable<void> {
            storage::Outbox outbox{db};
            net::steady_timer tick{co_await net::this_coro::executor};
            for (int polls = 0; polls < 5000 && outbox.oldest_pending_created(); ++polls) {
                tick.expires_after(std::chrono::milliseconds(1));
                co_await tick.async_wait(net::use_awaitable);
            }
            executor.stop();
        },
        net::detached);
    io.run();
}

// Files the report; its reference.
core::IncidentId file(app::Workflow& workflow) {
    const auto outcome = workflow.file_report(core::UserId{"UALICE"}, report(), app::now());
    const auto& decision = std::get<core::Decision>(outcome);
    return std::get<core::ReportFiled>(decision.events.front()).incident;
}

bool any_contains(const std::vector<std::string>& posts, const std::string& part) {
    for (const auto& post : posts)
        if (post.find(part) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_SUITE("app executor texts") {

    TEST_CASE_FIXTURE(
        testing::WorkflowFixture,
        "a report queued as a reference is posted with its text, read from the events") {
        const auto id = file(workflow);
        storage::UnitOfWork work{db};
        work.enqueue(
            id,
            {core::Post{
                id, core::ChannelId{"G0INCIDENT"}, {}, core::ReportDetails{id, {}, {}, {}}, false}},
            app::now());
        work.commit();
        RecordingSlack slack;

        drain(db, workflow, reads, slack);

        CHECK(storage::Outbox{db}.count("pending") == 0);
        CHECK(any_contains(slack.posted, "Shouted at a volunteer during the keynote"));
    }

    TEST_CASE_FIXTURE(
        testing::WorkflowFixture,
        "a report queued inline by an earlier version is still posted after an upgrade") {
        const auto id = file(workflow).value;
        RecordingSlack slack;
        drain(db, workflow, reads, slack); // the filing's own effects
        slack.posted.clear();
        SQLite::Statement insert(
            db.sql(), "INSERT INTO outbox (incident_id, type, payload, created_at, not_before) "
                      "VALUES (:id, 'post', :payload, :at, :at)");
        insert.bind(":id", id);
        insert.bind(":payload",
                    R"({"channel":"G0INCIDENT","incident":")" + id +
                        R"(","message":{"filed_at":1773446400,"incident":")" + id +
                        R"(","sensitive":{"report":{"description":"Shouted at a volunteer during )"
                        R"(the keynote","flags":{"anonymous":false,"escrow":false,)"
                        R"("immediate_danger":false,"involves_employee":false,"no_updates":false},)"
                        R"("location":"Hall B","reported":{"name":"","user":"UREPORTED"},)"
                        R"("reporter_name":"Alex Reporter","source":"slack"},"submitted_by":)"
                        R"("UALICE"},"type":"report_details"},"remember":false,"to_user":""})");
        insert.bind(":at", storage::unix_seconds(app::now()));
        insert.exec();

        drain(db, workflow, reads, slack);

        CHECK(storage::Outbox{db}.count("failed") == 0);
        CHECK(storage::Outbox{db}.count("pending") == 0);
        CHECK(any_contains(slack.posted, "Shouted at a volunteer during the keynote"));
        SQLite::Statement done(db.sql(), "SELECT payload FROM outbox WHERE state = 'done'");
        while (done.executeStep())
            CHECK(done.getColumn(0).getString().find("Shouted") == std::string::npos);
    }

    TEST_CASE_FIXTURE(
        testing::WorkflowFixture,
        "a notice queued with a reference to its quote is posted with the recorded words") {
        const auto id = file(workflow);
        const core::UserId alice{"UALICE"};
        for (const core::Command& command :
             {core::Command{core::DeclareConflict{id, alice, false}},
              core::Command{core::ChannelCreated{id, core::ChannelId{"G0INCIDENT"}}},
              core::Command{core::RecordImmediateAction{id, alice, "Called venue security"}}})
            REQUIRE(std::holds_alternative<core::Decision>(workflow.handle(command, app::now())));
        storage::EventStore store{db};
        const auto queued = [&](int index) {
            return core::Effect{core::Post{
                id,
                core::ChannelId{"G0INCIDENT"},
                {},
                core::ChannelNotice{
                    {}, "Recorded:", "", core::QuoteRef{id, core::QuoteSource::record, index}},
                false}};
        };

        const auto posted = app::with_stored_text(queued(0), store, app::now());
        REQUIRE(posted.has_value());
        const auto& notice = std::get<core::ChannelNotice>(std::get<core::Post>(*posted).message);
        CHECK(notice.quote == "Called venue security");
        // A reference to a record the incident does not hold is not posted with a blank quote.
        CHECK_FALSE(app::with_stored_text(queued(1), store, app::now()).has_value());
    }
}

TEST_SUITE("app executor and the roster") {
    TEST_CASE_FIXTURE(
        testing::WorkflowFixture,
        "an invite or a direct message queued for someone since taken off the roster is not "
        "sent") {
        const auto id = file(workflow);
        RecordingSlack slack;
        drain(db, workflow, reads, slack); // the filing's own effects
        slack.methods.clear();
        slack.posted.clear();
        const core::UserId gone{"UCAROL"}; // not (or no longer) on the roster
        storage::UnitOfWork work{db};
        work.enqueue(
            id,
            {core::Invite{id, core::ChannelId{"G0INCIDENT"}, gone},
             core::Post{id, {}, gone, core::ReporterConflictPrompt{id}, true},
             core::Post{id, {}, core::UserId{"UBOB"}, core::ReporterConflictPrompt{id}, false}},
            app::now());
        work.commit();

        drain(db, workflow, reads, slack);

        CHECK(storage::Outbox{db}.count("pending") == 0);
        CHECK(std::count(slack.methods.begin(), slack.methods.end(), "conversations.invite") == 0);
        // Bob, still a member, gets his: one conversation opened, one message.
        CHECK(std::count(slack.methods.begin(), slack.methods.end(), "conversations.open") == 1);
        CHECK(slack.posted.size() == 1);
    }
}
