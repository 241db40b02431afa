// File: tests/storage/audit_log_test.cpp
// The audit log: every act recorded with who, what and when in the act's own transaction, and
// never a word of a report nor who reported; append-only; and a chain that names the first entry
// edited, removed or moved.
#include "storage/audit_log.hpp"
#include "storage/database.hpp"
#include "storage/roster.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/codec_samples.hpp"

#include <SQLiteCpp/Exception.h>
#include <doctest/doctest.h>
#include <string>

namespace {

using namespace cocbot;
using storage::testing::full_report;
using storage::testing::t0;

const core::IncidentId first{"2026-001"};
const core::UserId alice{"U0ALICE"};
const core::UserId bob{"U0BOB"};

void file_and_vote(storage::Database& db) {
    storage::UnitOfWork work(db);
    work.create_incident(first, 2026, 1, t0);
    work.append(first, {full_report(first)}, t0);
    work.append(
        first,
        {core::ConflictDeclared{alice, false, t0},
         core::MotionProposed{2, core::MotionKind::violation, "Was it?", alice, t0},
         core::BallotCast{2, bob, true, t0},
         core::MessagePosted{{core::ChannelId{"G0X"}, "1.2"}, core::MessageKind::motion, 2}},
        t0);
    work.enqueue(first,
                 {core::Post{first,
                             core::ChannelId{"G0INCIDENT"},
                             {},
                             core::ReportDetails{first, t0, full_report(first).report, {}},
                             true}},
                 t0);
    work.commit();
}

// Ten entries with nothing but their number in them.
void append_ten(storage::Database& db) {
    storage::AuditLog log{db};
    for (int i = 1; i <= 10; ++i)
        log.append(t0, "U0ALICE", "status_viewed", "2026-001", std::to_string(i));
}

void drop_guards(storage::Database& db) {
    db.sql().exec("DROP TRIGGER audit_log_append_only_update");
    db.sql().exec("DROP TRIGGER audit_log_append_only_delete");
}

} // namespace

TEST_SUITE("storage: audit log") {
    TEST_CASE("each act is recorded with who and what, and no word of the report or its reporter") {
        storage::Database db(":memory:");
        file_and_vote(db);
        const auto entries = storage::AuditLog{db}.entries();
        REQUIRE(entries.size() == 5); // filed, declared, proposed, ballot, report sent
        CHECK(entries[0].action == "report_filed");
        CHECK(entries[0].actor == "cocbot"); // not who submitted it
        CHECK(entries[1].action == "conflict_declared");
        CHECK(entries[1].actor == alice.value);
        CHECK(entries[1].detail == "no conflict");
        CHECK(entries[2].detail == "motion 2 violation");
        CHECK(entries[3].actor == bob.value);
        CHECK(entries[3].detail == "motion 2 yes");
        CHECK(entries[4].action == "report_sent");
        CHECK(entries[4].detail == "G0INCIDENT");
        const auto report = full_report(first);
        for (const auto& entry : entries) {
            CHECK(entry.incident == first.value);
            for (const std::string& secret :
                 {report.report.description, report.report.location, report.report.reporter_name,
                  report.report.reporter_contact, report.submitted_by.value,
                  report.report.reported.name, report.report.reported.user.value,
                  std::string{"Was it?"}})
                for (const auto& field : {entry.actor, entry.action, entry.detail})
                    CHECK_MESSAGE(field.find(secret) == std::string::npos, secret);
        }
    }

    TEST_CASE("the conflicts a filing records by itself are not audited: they would name whom") {
        storage::Database db(":memory:");
        storage::UnitOfWork work(db);
        work.create_incident(first, 2026, 1, t0);
        // The reported person sits on the committee: the filing records their conflict.
        work.append(first, {full_report(first), core::ConflictDeclared{bob, true, t0}}, t0);
        const core::Message alert = core::DangerAlert{first, "Hall B", {}};
        work.enqueue(first,
                     {core::Post{first, {}, alice, alert, false},
                      core::Post{first, {}, core::UserId{"U0CAROL"}, alert, false}},
                     t0);
        work.commit();
        const auto entries = storage::AuditLog{db}.entries();
        REQUIRE(entries.size() == 2); // the filing, and one entry for the alerts sent privately
        CHECK(entries[0].action == "report_filed");
        CHECK(entries[1].action == "danger_alert_sent");
        CHECK(entries[1].detail == "by direct message");
        for (const auto& entry : entries)
            for (const auto& field : {entry.actor, entry.detail})
                CHECK(field.find(bob.value) == std::string::npos);
    }

    TEST_CASE("an act and its entry are kept or rolled back together") {
        storage::Database db(":memory:");
        {
            storage::UnitOfWork work(db);
            work.create_incident(first, 2026, 1, t0);
            work.append(first, {full_report(first)}, t0);
        } // never committed
        CHECK(storage::AuditLog{db}.entries().empty());
        CHECK(storage::AuditLog{db}.verify().entries == 0);
    }

    TEST_CASE("roster changes are recorded, by the configuration") {
        storage::Database db(":memory:");
        storage::Roster roster{db};
        roster.reconcile({alice, bob}, t0);
        roster.reconcile({alice}, t0);
        const auto entries = storage::AuditLog{db}.entries();
        REQUIRE(entries.size() == 3);
        CHECK(entries[0].action == "roster_member_added");
        CHECK(entries[2].action == "roster_member_removed");
        CHECK(entries[2].detail == bob.value);
        CHECK(entries[2].actor == "configuration");
    }

    TEST_CASE("the chain holds: each entry carries the hash of the one before") {
        storage::Database db(":memory:");
        append_ten(db);
        const auto entries = storage::AuditLog{db}.entries();
        REQUIRE(entries.size() == 10);
        CHECK(entries[0].prev == std::string(64, '0'));
        for (std::size_t i = 1; i < entries.size(); ++i)
            CHECK(entries[i].prev == entries[i - 1].hash);
        const auto check = storage::AuditLog{db}.verify();
        CHECK_FALSE(check.broken.has_value());
        CHECK(check.entries == 10);
        CHECK(check.head == entries.back().hash);
        CHECK(storage::AuditLog{db}.find_head(entries[4].hash.substr(0, 16)) == 5);
        CHECK_FALSE(storage::AuditLog{db}.find_head("0123456789abcdef").has_value());
        CHECK(storage::AuditLog{db}.entries(core::IncidentId{"2026-002"}).empty());
    }

    TEST_CASE("the log refuses to be changed or shortened") {
        storage::Database db(":memory:");
        append_ten(db);
        CHECK_THROWS_WITH_AS(db.sql().exec("UPDATE audit_log SET actor = 'U0X' WHERE seq = 3"),
                             doctest::Contains("append-only"), SQLite::Exception);
        CHECK_THROWS_WITH_AS(db.sql().exec("DELETE FROM audit_log WHERE seq = 10"),
                             doctest::Contains("append-only"), SQLite::Exception);
    }

    TEST_CASE("verify names an edited entry") {
        storage::Database db(":memory:");
        append_ten(db);
        drop_guards(db);
        db.sql().exec("UPDATE audit_log SET actor = 'U0MALLORY' WHERE seq = 4");
        const auto check = storage::AuditLog{db}.verify();
        CHECK(check.broken == 4);
        CHECK(check.problem == "it was edited");
        CHECK(check.head.empty());
    }

    TEST_CASE("verify names where entries were removed, at the start or in the middle") {
        storage::Database db(":memory:");
        append_ten(db);
        drop_guards(db);
        db.sql().exec("DELETE FROM audit_log WHERE seq IN (6, 7)");
        auto check = storage::AuditLog{db}.verify();
        CHECK(check.broken == 8);
        CHECK(check.problem.find("6 to 7") != std::string::npos);
        db.sql().exec("DELETE FROM audit_log WHERE seq = 1");
        check = storage::AuditLog{db}.verify();
        CHECK(check.broken == 2);
    }

    TEST_CASE("verify finds entries moved out of their place, even renumbered") {
        storage::Database db(":memory:");
        append_ten(db);
        drop_guards(db);
        db.sql().exec("UPDATE audit_log SET seq = 100 WHERE seq = 3");
        db.sql().exec("UPDATE audit_log SET seq = 3 WHERE seq = 5");
        db.sql().exec("UPDATE audit_log SET seq = 5 WHERE seq = 100");
        const auto check = storage::AuditLog{db}.verify();
        CHECK(check.broken == 3);
        CHECK(check.problem.find("does not follow") != std::string::npos);
    }
}
