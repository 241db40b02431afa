// File: tests/app/read_models_test.cpp
// What /coc list, /coc status and App Home read: the active incidents alone (open, or with a
// motion open), kept with each commit and caught up once for incidents stored before.
#include "bot/app/clock.hpp"
#include "bot/app/read_models.hpp"
#include "bot/app/workflow.hpp"
#include "storage/database.hpp"
#include "storage/event_store.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/app/workflow_fixture.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

namespace {

using namespace cocbot;

const core::UserId alice{"UALICE"}, bob{"UBOB"};

core::Report report(bool escrow = false) {
    core::Report r;
    r.reported.user = core::UserId{"UREPORTED"};
    r.description = "Shouted at a volunteer";
    r.location = "Hall B";
    r.source = core::Source::in_person; // Alice took it: both members are asked
    r.flags.escrow = escrow;
    return r;
}

core::IncidentId file(app::Workflow& workflow, bool escrow = false) {
    const auto outcome = workflow.file_report(alice, report(escrow), app::now());
    return std::get<core::ReportFiled>(std::get<core::Decision>(outcome).events.front()).incident;
}

void resolve(app::Workflow& workflow, const core::IncidentId& id) {
    const auto now = app::now();
    workflow.handle(core::ChannelCreated{id, core::ChannelId{"G" + id.value}}, now);
    for (const auto& member : {alice, bob})
        workflow.handle(core::DeclareConflict{id, member, false}, now);
    workflow.handle(core::ResolveIncident{id, alice, "Resolved with a warning.", "Other",
                                          core::ResolutionOutcome::warning},
                    now);
}

} // namespace

TEST_SUITE("app read models") {
    TEST_CASE_FIXTURE(testing::WorkflowFixture,
                      "an overview reads only the incidents that can show something") {
        const auto first = file(workflow);
        file(workflow, true); // kept in escrow: nobody is asked
        const auto third = file(workflow);
        resolve(workflow, third);

        const auto active = storage::EventStore{db}.active_incidents();
        REQUIRE(active.size() == 1);
        CHECK(active[0].id == first);
        const auto overview = reads.overview_for(bob);
        REQUIRE(overview.pending.size() == 1);
        CHECK(overview.pending[0].id == first);
        CHECK(overview.open.empty());
        CHECK(reads.overview_for(core::UserId{"UCAROL"}).pending.empty()); // not on the roster
    }

    TEST_CASE_FIXTURE(testing::WorkflowFixture,
                      "incidents stored before the read model existed are caught up once") {
        const auto id = file(workflow);
        db.sql().exec("DELETE FROM incident_activity"); // as an older version left it
        CHECK(reads.overview_for(bob).pending.empty());

        reads.catch_up();
        CHECK(storage::EventStore{db}.without_activity().empty());
        const auto overview = reads.overview_for(bob);
        REQUIRE(overview.pending.size() == 1);
        CHECK(overview.pending[0].id == id);
    }
}
