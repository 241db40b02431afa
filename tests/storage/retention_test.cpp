// File: tests/storage/retention_test.cpp
// Retention's records and the erasure: what is due is found by the configured periods, whatever
// they are now; an erasure empties every sealed word and person of the incident and keeps its
// shape (flags, statuses, votes), leaves nothing of it to be said or matched, is audited, and
// waits while Slack output about it is pending.
#include "core/overview.hpp"
#include "storage/audit_log.hpp"
#include "storage/database.hpp"
#include "storage/escrow_index.hpp"
#include "storage/event_store.hpp"
#include "storage/retention.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/codec_samples.hpp"
#include "tests/storage/keys.hpp"
#include "tests/storage/temp_dir.hpp"

#include <doctest/doctest.h>

namespace {

using namespace cocbot;
using namespace std::chrono_literals;
using storage::testing::bytes_of;
using storage::testing::full_report;
using storage::testing::key_file_in;
using storage::testing::key_text;
using storage::testing::response_secrets;
using storage::testing::secret_events;
using storage::testing::t0;
using storage::testing::TempDir;

const core::IncidentId first{"2026-001"};
const core::IncidentId second{"2026-002"};

const core::Retention hour_each{core::Duration{1h}, core::Duration{1h}, core::Duration{1h}};

// A report kept in escrow, and everything the committee wrote about it, resolved at t0.
void file(storage::Database& db, const core::IncidentId& id, int number,
          std::optional<core::RetentionStart> start) {
    auto filed = full_report(id);
    filed.report.flags.escrow = true;
    std::vector<core::Event> events{filed};
    for (const auto& event : secret_events())
        events.push_back(event);
    storage::UnitOfWork work(db);
    work.create_incident(id, 2026, number, t0);
    work.append(id, events, t0);
    work.set_retention(id, start);
    work.commit();
}

std::vector<std::string> words() {
    const auto report = full_report(first).report;
    std::vector<std::string> all{report.description,   report.location,
                                 report.reporter_name, report.reporter_contact,
                                 report.reported.name, report.reported.user.value,
                                 "U0SUBMITTER"};
    all.insert(all.end(), response_secrets.begin(), response_secrets.end());
    return all;
}

const core::RetentionStart resolved_at_t0{t0, core::ErasureReason::resolved};

} // namespace

TEST_SUITE("storage: retention") {
    TEST_CASE("what is due follows the periods as configured now") {
        storage::Database db(":memory:");
        file(db, first, 1, resolved_at_t0);
        file(db, second, 2, std::nullopt); // still open
        storage::RetentionRecords records{db};
        CHECK(records.due(hour_each, t0 + 30min, 8).empty());
        const auto due = records.due(hour_each, t0 + 2h, 8);
        REQUIRE(due.size() == 1);
        CHECK(due[0] == storage::DueErasure{first, t0 + 1h, core::ErasureReason::resolved});
        const core::Retention shorter{core::Duration{1h}, core::Duration{10min},
                                      core::Duration{1h}};
        CHECK(records.due(shorter, t0 + 30min, 8).size() == 1);
        CHECK(records.upcoming(hour_each, 10) == due);
        CHECK(records.without_row().empty());
    }

    TEST_CASE("an erasure empties every word and person, and keeps the incident's shape") {
        TempDir dir;
        storage::Database db(dir.file("cocbot.db"), key_text(storage::random_key()));
        file(db, first, 1, resolved_at_t0);
        const auto before = storage::EventStore{db}.incident(first);
        REQUIRE(storage::EscrowIndex{db}.matching(core::person_keys(before.report.reported)) ==
                std::vector<core::IncidentId>{first});
        storage::RetentionRecords records{db};
        REQUIRE(records.erase(first, core::ErasureReason::resolved, t0 + 2h));

        const auto after = storage::EventStore{db}.incident(first);
        CHECK(after.report.description.empty());
        CHECK(after.report.reported == core::ReportedPerson{});
        CHECK(after.report.reporter_contact.empty());
        CHECK(after.submitted_by.empty());
        CHECK(after.report.flags == before.report.flags); // counted, not said
        CHECK(after.status == before.status);
        CHECK(after.motions.size() == before.motions.size());
        CHECK(after.resolution->resolution.empty());
        CHECK(storage::EscrowIndex{db}.matching(core::person_keys(before.report.reported)).empty());
        CHECK(records.erased(first));
        CHECK(records.due(hour_each, t0 + 3h, 8).empty());
        const auto head = storage::AuditLog{db}.head();
        REQUIRE(head.has_value());
        CHECK(head->action == "details_erased");
        CHECK(head->detail == "resolved");

        db.checkpoint();
        const auto bytes = bytes_of(dir.file("cocbot.db")) + bytes_of(dir.file("cocbot.db-wal"));
        for (const auto& word : words())
            CHECK_MESSAGE(bytes.find(word) == std::string::npos, word);
    }

    TEST_CASE("an erased incident is not scheduled for erasure again") {
        storage::Database db(":memory:");
        file(db, first, 1, resolved_at_t0);
        storage::RetentionRecords records{db};
        REQUIRE(records.erase(first, core::ErasureReason::resolved, t0 + 2h));
        storage::UnitOfWork work(db);
        work.set_retention(first, resolved_at_t0); // a late click on the old channel, say
        work.commit();
        CHECK(records.due(hour_each, t0 + 3h, 8).empty());
        CHECK(records.without_row().empty());
    }

    TEST_CASE("a re-opened erased incident gets a period of its own again") {
        storage::Database db(":memory:");
        file(db, first, 1, resolved_at_t0);
        storage::RetentionRecords records{db};
        REQUIRE(records.erase(first, core::ErasureReason::resolved, t0 + 2h));
        storage::UnitOfWork work(db);
        work.append(first, {core::IncidentReopened{9, t0 + 3h}}, t0 + 3h);
        work.set_retention(first, core::RetentionStart{t0 + 4h, core::ErasureReason::resolved});
        work.commit();
        CHECK_FALSE(records.erased(first));
        CHECK(records.due(hour_each, t0 + 6h, 8).size() == 1);
    }

    TEST_CASE("an erasure waits while Slack output about the incident is pending") {
        storage::Database db(":memory:");
        file(db, first, 1, resolved_at_t0);
        {
            storage::UnitOfWork work(db);
            work.enqueue(first, {core::ArchiveChannel{first, core::ChannelId{"G0X"}}}, t0);
            work.commit();
        }
        storage::RetentionRecords records{db};
        CHECK_FALSE(records.erase(first, core::ErasureReason::resolved, t0 + 2h));
        CHECK_FALSE(records.erased(first));
        CHECK(storage::EventStore{db}.incident(first).report.description ==
              full_report(first).report.description);
    }

    TEST_CASE("incidents stored before retention existed are listed for their row") {
        storage::Database db(":memory:");
        storage::UnitOfWork work(db);
        work.create_incident(first, 2026, 1, t0);
        work.append(first, {full_report(first)}, t0);
        work.commit();
        CHECK(storage::RetentionRecords{db}.without_row() == std::vector<core::IncidentId>{first});
    }
}
