// File: tests/storage/activity_test.cpp
// Which incidents an overview reads: those marked active with their events, by index, in
// filing order; and those stored before the mark existed, to be caught up once.
#include "storage/database.hpp"
#include "storage/event_store.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/codec_samples.hpp"
#include "tests/storage/query_plan.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace cocbot;
using namespace cocbot::storage::testing;

core::IncidentId file(storage::Database& db, int number, std::optional<bool> active) {
    const auto id = core::make_incident_id(2026, number);
    storage::UnitOfWork work(db);
    work.create_incident(id, 2026, number, t0);
    work.append(id, {full_report(id)}, t0);
    if (active)
        work.set_active(id, *active);
    work.commit();
    return id;
}

std::vector<core::IncidentId> ids_of(const std::vector<core::Incident>& incidents) {
    std::vector<core::IncidentId> ids;
    for (const auto& incident : incidents)
        ids.push_back(incident.id);
    return ids;
}

} // namespace

TEST_SUITE("storage incident activity") {

    TEST_CASE("an overview reads the active incidents alone, in filing order") {
        storage::Database db(":memory:");
        const auto first = file(db, 1, true);
        file(db, 2, false); // resolved, say
        const auto third = file(db, 3, true);
        const auto fourth = file(db, 4, std::nullopt); // stored before activity existed
        storage::EventStore store{db};
        CHECK(ids_of(store.active_incidents()) == std::vector<core::IncidentId>{first, third});
        CHECK(store.without_activity() == std::vector<core::IncidentId>{fourth});

        // An incident that becomes inactive leaves the read.
        storage::UnitOfWork work(db);
        work.set_active(first, false);
        work.commit();
        CHECK(ids_of(store.active_incidents()) == std::vector<core::IncidentId>{third});
    }

    TEST_CASE("the active incidents are found through their partial index") {
        storage::Database db(":memory:");
        const auto plan =
            query_plan(db, "SELECT a.incident_id FROM incident_activity a "
                           "CROSS JOIN incidents i ON i.id = a.incident_id WHERE a.active = 1 "
                           "ORDER BY i.year, i.number");
        CAPTURE(plan);
        CHECK(plan.find("incident_activity_active") != std::string::npos);
        CHECK(plan.find("SCAN i") == std::string::npos); // incidents only by key
    }
}
