// File: tests/storage/reseal_test.cpp
// Everything a report says is sealed, not only its text: the reported person and the flags go
// with the event's secrets, the outbox's payloads are sealed to their rows, and the escrow index
// holds fingerprints. A database an earlier version wrote is moved to that at its next start.
#include "core/overview.hpp"
#include "storage/database.hpp"
#include "storage/escrow_index.hpp"
#include "storage/event_store.hpp"
#include "storage/outbox.hpp"
#include "storage/reseal.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/codec_samples.hpp"
#include "tests/storage/keys.hpp"
#include "tests/storage/temp_dir.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <string>

namespace {

using namespace cocbot;
using storage::testing::bytes_of;
using storage::testing::full_report;
using storage::testing::key_file_in;
using storage::testing::key_text;
using storage::testing::t0;
using storage::testing::TempDir;

const core::IncidentId first{"2026-001"};
const core::ReportedPerson reported{core::UserId{"U0REPORTED"}, "Sam Example"};

core::ReportFiled escrowed(const core::IncidentId& id) {
    auto filed = full_report(id);
    filed.report.reported = reported;
    filed.report.flags.escrow = true;
    filed.report.flags.immediate_danger = true;
    return filed;
}

void file(storage::Database& db, const core::ReportFiled& filed, int number) {
    storage::UnitOfWork work(db);
    work.create_incident(filed.incident, 2026, number, t0);
    work.append(filed.incident, {filed}, t0);
    work.enqueue(filed.incident,
                 {core::Post{filed.incident,
                             core::ChannelId{"G0INCIDENT"},
                             {},
                             core::DangerAlert{filed.incident, "Hall B", {}},
                             true}},
                 t0);
    work.commit();
}

// Every byte cocbot keeps for the database.
std::string stored(const TempDir& dir) {
    return bytes_of(dir.file("cocbot.db")) + bytes_of(dir.file("cocbot.db-wal"));
}

std::string column(storage::Database& db, const std::string& sql) {
    return db.sql().execAndGet(sql).getString();
}

// What a plain database looked like before layout 2: the person and the flags with the data.
void write_layout_one(storage::Database& db) {
    db.sql().exec("UPDATE events SET data = json_set(events.data, '$.reported', json(s.data -> "
                  "'$.reported'), '$.flags', json(s.data -> '$.flags')) FROM event_secrets s "
                  "WHERE s.event_seq = events.seq AND events.type = 'report_filed'");
    db.sql().exec("UPDATE event_secrets SET data = json_remove(data, '$.reported', '$.flags')");
    db.sql().exec("UPDATE sealed_layout SET version = 1");
}

} // namespace

TEST_SUITE("storage: resealed") {
    TEST_CASE("the reported person and the flags are sealed, and no word of them is in the file") {
        TempDir dir;
        storage::Database db(dir.file("cocbot.db"), key_text(storage::random_key()));
        file(db, escrowed(first), 1);
        CHECK(storage::EventStore{db}.incident(first).report.reported == reported);
        CHECK(storage::EventStore{db}.incident(first).report.flags.immediate_danger);
        const auto data = column(db, "SELECT data FROM events WHERE type = 'report_filed'");
        CHECK(data.find("reported\"") == std::string::npos);
        CHECK(data.find("flags") == std::string::npos);
        for (const std::string key :
             {"reported_is_member", "escrow_matches", "name_matched", "strangers_named"})
            CHECK_MESSAGE(data.find(key) == std::string::npos, key);
        db.checkpoint();
        for (const std::string word : {"U0REPORTED", "Sam Example", "immediate_danger", "Hall B"})
            CHECK_MESSAGE(stored(dir).find(word) == std::string::npos, word);
    }

    TEST_CASE("the escrow index holds fingerprints only, and still finds the same person") {
        storage::Database db(":memory:", key_text(storage::random_key()));
        file(db, escrowed(first), 1);
        const auto key = column(db, "SELECT key FROM escrow_keys LIMIT 1");
        CHECK(key.starts_with("h1:"));
        CHECK(key.size() == 3 + 64);
        CHECK(storage::EscrowIndex{db}.matching(core::person_keys(reported)) ==
              std::vector<core::IncidentId>{first});
        CHECK(storage::EscrowIndex{db}
                  .matching(core::person_keys({core::UserId{}, "Sam Example"}))
                  .size() == 1);
        CHECK(storage::EscrowIndex{db}
                  .matching(core::person_keys({core::UserId{"U0OTHER"}, "Kim Other"}))
                  .empty());
    }

    TEST_CASE("an outbox payload is sealed to its row: moved to another it is not run") {
        storage::Database db(":memory:", key_text(storage::random_key()));
        file(db, escrowed(first), 1);
        file(db, escrowed(core::IncidentId{"2026-002"}), 2);
        const auto payload = column(db, "SELECT payload FROM outbox WHERE id = 1");
        CHECK(storage::Sealer::is_sealed(payload));
        CHECK(payload.find("Hall B") == std::string::npos);
        storage::Outbox outbox(db);
        const auto due = outbox.next_due(t0);
        REQUIRE(due.has_value());
        CHECK(std::get<core::DangerAlert>(std::get<core::Post>(due->effect).message).location ==
              "Hall B");
        outbox.mark_done(due->id, "{}");
        db.sql().exec("UPDATE outbox SET payload = '" + payload + "' WHERE id = 2");
        CHECK_THROWS_AS(outbox.next_due(t0), storage::UndecodableEffect);
    }

    TEST_CASE(
        "a plain database from before layout 2 is sealed whole at its first start with a key") {
        TempDir dir;
        const auto key = storage::random_key();
        {
            storage::Database plain(dir.file("cocbot.db"));
            file(plain, escrowed(first), 1);
            write_layout_one(plain);
            REQUIRE(column(plain, "SELECT data FROM events WHERE type = 'report_filed'")
                        .find("Sam Example") != std::string::npos);
            REQUIRE(column(plain, "SELECT key FROM escrow_keys LIMIT 1").find("h1:") != 0);
        }
        storage::Database db(dir.file("cocbot.db"), key_text(key));
        CHECK(storage::stored_layout(db.sql()) == storage::sealed_layout);
        const auto incident = storage::EventStore{db}.incident(first);
        CHECK(incident.report.reported == reported);
        CHECK(incident.report.flags.escrow);
        CHECK(column(db, "SELECT key FROM escrow_keys LIMIT 1").starts_with("h1:"));
        CHECK(storage::EscrowIndex{db}.matching(core::person_keys(reported)).size() == 1);
        CHECK(storage::Sealer::is_sealed(column(db, "SELECT payload FROM outbox")));
        for (const std::string word : {"U0REPORTED", "Sam Example", "immediate_danger", "Hall B"})
            CHECK_MESSAGE(stored(dir).find(word) == std::string::npos, word);
    }

    TEST_CASE("a sealed database in layout 1 has its person and flags moved, with the same key") {
        TempDir dir;
        const auto key = storage::random_key();
        const storage::Sealer sealer{key};
        {
            storage::Database db(dir.file("cocbot.db"), key_text(key));
            file(db, escrowed(first), 1);
            // As the previous version stored it: the secret without the person, sealed.
            const auto seq = db.sql().execAndGet("SELECT seq FROM events").getInt64();
            const auto row = storage::secret_row(first.value, seq);
            const auto secret = *sealer.open(column(db, "SELECT data FROM event_secrets"), row);
            SQLite::Statement old(db.sql(), "SELECT json_remove(?, '$.reported', '$.flags')");
            old.bind(1, secret);
            REQUIRE(old.executeStep());
            SQLite::Statement write(db.sql(), "UPDATE event_secrets SET data = ?");
            write.bind(1, sealer.seal(old.getColumn(0).getString(), row));
            old.reset();
            write.exec();
            SQLite::Statement data(db.sql(),
                                   "UPDATE events SET data = json_set(data, "
                                   "'$.reported', json(?), '$.flags', json(? -> '$.flags'))");
            data.bind(1, R"({"name":"Sam Example","user":"U0REPORTED"})");
            data.bind(2, secret);
            data.exec();
            db.sql().exec("UPDATE sealed_layout SET version = 1");
        }
        storage::Database db(dir.file("cocbot.db"), key_text(key));
        CHECK(storage::stored_layout(db.sql()) == storage::sealed_layout);
        CHECK(storage::EventStore{db}.incident(first).report.reported == reported);
        CHECK(storage::EventStore{db}.incident(first).report.flags.immediate_danger);
        CHECK(column(db, "SELECT data FROM events").find("Sam Example") == std::string::npos);
    }
}
