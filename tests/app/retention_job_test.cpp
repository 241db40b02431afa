// File: tests/app/retention_job_test.cpp
// Retention as the service carries it out: an incident is erased once its period is over and
// its Slack output has gone out, each wait is logged once, and incidents stored before
// retention existed get their row at start-up.
#include "bot/app/logger.hpp"
#include "bot/app/retention_job.hpp"
#include "storage/event_store.hpp"
#include "storage/outbox.hpp"
#include "storage/retention.hpp"
#include "tests/app/workflow_fixture.hpp"

#include <chrono>
#include <cstdio>
#include <doctest/doctest.h>
#include <string>

namespace {

using namespace cocbot;
using namespace std::chrono_literals;

const core::UserId alice{"UALICE"}, bob{"UBOB"};
const core::Time t0{core::Duration{1'773'446'400}}; // 2026-03-14

core::IncidentId file(app::Workflow& workflow, bool escrow) {
    core::Report r;
    r.reported.user = core::UserId{"UREPORTED"};
    r.description = "Shouted at a volunteer";
    r.location = "Hall B";
    r.source = core::Source::in_person;
    r.flags.escrow = escrow;
    const auto outcome = workflow.file_report(alice, r, t0);
    return std::get<core::ReportFiled>(std::get<core::Decision>(outcome).events.front()).incident;
}

// Resolved after a vote that found a violation: kept 426 days.
void resolve(app::Workflow& workflow, const core::IncidentId& id) {
    workflow.handle(core::ChannelCreated{id, core::ChannelId{"G" + id.value}}, t0);
    for (const auto& member : {alice, bob})
        workflow.handle(core::DeclareConflict{id, member, false}, t0);
    workflow.handle(core::ResolveIncident{id, alice, "Resolved with a warning.", "Other",
                                          core::ResolutionOutcome::warning},
                    t0);
}

void send_everything(storage::Database& db) {
    storage::Outbox outbox{db};
    for (int i = 0; i < 100; ++i) {
        const auto due = outbox.next_due(t0 + std::chrono::days{1000});
        if (!due)
            return;
        outbox.mark_done(due->id, "{}");
    }
    FAIL("the outbox did not drain");
}

std::string text_of(std::FILE* file) {
    std::rewind(file);
    std::string text;
    for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file))
        text += static_cast<char>(c);
    return text;
}

std::size_t count(const std::string& text, const std::string& word) {
    std::size_t n = 0;
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_SUITE("app retention job") {
    TEST_CASE_FIXTURE(testing::WorkflowFixture,
                      "an escrowed report is erased once its 26 months are over, not before") {
        const auto id = file(workflow, true);
        app::RetentionJob job{db, roster};
        job.erase_due(t0 + std::chrono::days{790});
        CHECK_FALSE(storage::RetentionRecords{db}.erased(id));
        job.erase_due(t0 + std::chrono::days{792});
        CHECK(storage::RetentionRecords{db}.erased(id));
        CHECK(storage::EventStore{db}.incident(id).report.description.empty());
    }

    TEST_CASE_FIXTURE(testing::WorkflowFixture,
                      "a resolved incident waits for its Slack output, logged once, then goes") {
        const auto id = file(workflow, false);
        resolve(workflow, id);
        std::FILE* log = std::tmpfile();
        REQUIRE(log != nullptr);
        app::log_to(log);
        app::RetentionJob job{db, roster};
        const auto later = t0 + std::chrono::days{427};
        job.erase_due(later);
        job.erase_due(later);
        CHECK_FALSE(storage::RetentionRecords{db}.erased(id));
        send_everything(db);
        job.erase_due(later);
        app::log_to(stderr);
        CHECK(storage::RetentionRecords{db}.erased(id));
        const auto logged = text_of(log);
        std::fclose(log);
        CHECK(count(logged, "waiting_for_slack") == 1);
        CHECK(count(logged, "outcome=erased") == 1);
        CHECK(logged.find(id.value) == std::string::npos); // no reference in the log
    }

    TEST_CASE_FIXTURE(testing::WorkflowFixture,
                      "incidents stored before retention existed get their row at start-up") {
        const auto id = file(workflow, true);
        db.sql().exec("DELETE FROM retention"); // as an older version left it
        app::RetentionJob job{db, roster};
        job.erase_due(t0 + std::chrono::days{792});
        CHECK_FALSE(storage::RetentionRecords{db}.erased(id));
        job.catch_up();
        CHECK(storage::RetentionRecords{db}.without_row().empty());
        job.erase_due(t0 + std::chrono::days{792});
        CHECK(storage::RetentionRecords{db}.erased(id));
    }
}
