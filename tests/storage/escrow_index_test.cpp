// File: tests/storage/escrow_index_test.cpp
// Escrowed reports found by key: the same matches as reading every incident (core's
// matching_escrows), through the index alone, also for reports stored before it existed.
#include "core/overview.hpp"
#include "storage/database.hpp"
#include "storage/escrow_index.hpp"
#include "storage/event_codec.hpp"
#include "storage/event_store.hpp"
#include "storage/migrations.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/codec_samples.hpp"
#include "tests/storage/query_plan.hpp"
#include "tests/storage/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <string>
#include <vector>

namespace {

using namespace cocbot;
using namespace cocbot::storage::testing;

core::ReportFiled about(int number, core::ReportedPerson reported, bool escrow) {
    auto filed = full_report(core::make_incident_id(2026, number));
    filed.report.reported = std::move(reported);
    filed.report.flags.escrow = escrow;
    return filed;
}

void file(storage::Database& db, int number, const core::ReportFiled& filed) {
    storage::UnitOfWork work(db);
    work.create_incident(filed.incident, 2026, number, t0);
    work.append(filed.incident, {filed}, t0);
    work.commit();
}

const std::vector<core::ReportedPerson> probes{{core::UserId{"U0X"}, ""},
                                               {core::UserId{}, "José García"},
                                               {core::UserId{}, "garcia, jose"},
                                               {core::UserId{}, "Jose M. Garcia"},
                                               {core::UserId{"U0X"}, "Sam Leeds"},
                                               {core::UserId{}, "Sam"},
                                               {core::UserId{}, ""},
                                               {core::UserId{"U0NOBODY"}, "Nobody Here"}};

} // namespace

TEST_SUITE("storage escrow index") {

    TEST_CASE("finds by key exactly what reading every incident finds, in filing order") {
        storage::Database db(":memory:");
        file(db, 1, about(1, {core::UserId{"U0X"}, ""}, true));
        file(db, 2, about(2, {core::UserId{}, "Garcia Jose"}, true));
        file(db, 3, about(3, {core::UserId{"U0X"}, "José García"}, false)); // not in escrow
        file(db, 4, about(4, {core::UserId{"U0Y"}, "jose garcia"}, true));
        file(db, 5, about(5, {core::UserId{}, "sam"}, true));
        const auto everything = storage::EventStore{db}.incidents();
        storage::EscrowIndex index{db};
        for (const auto& probe : probes) {
            CAPTURE(probe.name);
            CHECK(index.matching(core::person_keys(probe)) ==
                  core::matching_escrows(probe, everything));
        }
        CHECK(index.matching(core::person_keys({core::UserId{"U0X"}, "Jose Garcia"})).size() ==
              3); // by id and by name, each once
    }

    TEST_CASE("a lookup reads the index by key, never the events") {
        storage::Database db(":memory:");
        const auto plan =
            query_plan(db, "SELECT k.incident_id, MIN(i.year), MIN(i.number) "
                           "FROM escrow_keys k JOIN incidents i ON i.id = k.incident_id "
                           "WHERE k.key = 'a' OR k.key = 'b' GROUP BY k.incident_id ORDER BY 2, 3");
        CAPTURE(plan);
        CHECK(plan.find("SEARCH k USING PRIMARY KEY") != std::string::npos);
        CHECK(plan.find("SCAN k") == std::string::npos);
        CHECK(plan.find("SCAN i") == std::string::npos);
        CHECK(plan.find("events") == std::string::npos);
    }

    TEST_CASE("escrowed reports stored before the index existed are found after the upgrade") {
        TempDir dir;
        const auto path = dir.private_file("cocbot.db");
        const auto filed = about(1, {core::UserId{}, "José García"}, true);
        {
            SQLite::Database v5(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            storage::migrate_to(v5, 5);
            v5.exec("INSERT INTO incidents (id, year, number, filed_at) "
                    "VALUES ('2026-001', 2026, 1, 1773446400)");
            const auto encoded = storage::encode_event(filed);
            SQLite::Statement insert(v5, "INSERT INTO events (incident_id, type, at, data) "
                                         "VALUES ('2026-001', :type, 1773446400, :data)");
            insert.bind(":type", encoded.type);
            insert.bind(":data", encoded.data);
            insert.exec();
            SQLite::Statement secret(v5, "INSERT INTO event_secrets (event_seq, data) "
                                         "VALUES (last_insert_rowid(), :data)");
            secret.bind(":data", *encoded.sensitive);
            secret.exec();
        }
        storage::Database db(path);
        CHECK(storage::EscrowIndex{db}.matching(core::person_keys({{}, "garcia jose"})) ==
              std::vector<core::IncidentId>{filed.incident});
    }
}
