// File: tests/storage/rekey_test.cpp
// `cocbot rekey`: the whole database sealed again under a new key in one transaction, the key
// file replaced only after it, refused while another cocbot has the database open, and finished
// at the next start when it stopped between its commit and the key file's rename.
#include "core/overview.hpp"
#include "storage/audit_log.hpp"
#include "storage/database.hpp"
#include "storage/escrow_index.hpp"
#include "storage/event_store.hpp"
#include "storage/outbox.hpp"
#include "storage/rekey.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/codec_samples.hpp"
#include "tests/storage/keys.hpp"
#include "tests/storage/temp_dir.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

namespace {

using namespace cocbot;
using storage::testing::bytes_of;
using storage::testing::full_report;
using storage::testing::key_file_in;
using storage::testing::key_text;
using storage::testing::t0;
using storage::testing::TempDir;
namespace fs = std::filesystem;

const core::IncidentId first{"2026-001"};

std::string database(const TempDir& dir) {
    return dir.file("cocbot.db");
}

void file_escrowed(storage::Database& db) {
    auto filed = full_report(first);
    filed.report.flags.escrow = true;
    storage::UnitOfWork work(db);
    work.create_incident(first, 2026, 1, t0);
    work.append(first, {filed}, t0);
    work.enqueue(first, {core::Invite{first, core::ChannelId{"G0X"}, core::UserId{"U0M"}}}, t0);
    work.commit();
}

storage::DataKey key_in_file(const std::string& path) {
    std::ifstream in{path};
    std::string text;
    in >> text;
    return *storage::key_from_base64(text);
}

// The database reads as it did: the report, its escrow match and its queued effect.
void check_reads_the_same(storage::Database& db) {
    const auto incident = storage::EventStore{db}.incident(first);
    CHECK(incident.report.description == full_report(first).report.description);
    CHECK(storage::EscrowIndex{db}.matching(core::person_keys(incident.report.reported)) ==
          std::vector<core::IncidentId>{first});
    CHECK(storage::Outbox{db}.next_due(t0).has_value());
}

} // namespace

TEST_SUITE("storage: rekey") {
    TEST_CASE("rekey seals everything under a new key file, and the old key opens nothing") {
        TempDir dir;
        {
            storage::Database db(database(dir), key_file_in(dir));
            file_escrowed(db);
        }
        const auto old_key = key_in_file(dir.file("cocbot.db.key"));
        const auto facts = storage::rekey(database(dir), key_file_in(dir), std::nullopt, t0);
        CHECK(facts.key_file_written);
        CHECK(facts.values == 2); // the report's secret and the queued effect
        const auto new_key = key_in_file(dir.file("cocbot.db.key"));
        CHECK(new_key != old_key);
        CHECK_FALSE(fs::exists(dir.file("cocbot.db.key.new")));
        CHECK((fs::status(dir.file("cocbot.db.key")).permissions() & fs::perms::group_all) ==
              fs::perms::none);
        CHECK_THROWS_WITH_AS(storage::Database(database(dir), key_text(old_key)),
                             doctest::Contains("does not open"), std::runtime_error);
        storage::Database db(database(dir), key_file_in(dir));
        check_reads_the_same(db);
        const auto head = storage::AuditLog{db}.head();
        REQUIRE(head.has_value());
        CHECK(head->action == "key_changed");
        CHECK(head->actor == "operator");
        CHECK_FALSE(storage::AuditLog{db}.verify().broken.has_value());
    }

    TEST_CASE("rekey refuses while another cocbot has the database open, and changes nothing") {
        TempDir dir;
        storage::Database running(database(dir), key_file_in(dir));
        file_escrowed(running);
        const auto key = bytes_of(dir.file("cocbot.db.key"));
        CHECK_THROWS_WITH_AS(storage::rekey(database(dir), key_file_in(dir), std::nullopt, t0),
                             doctest::Contains("stop it"), std::runtime_error);
        CHECK(bytes_of(dir.file("cocbot.db.key")) == key);
        CHECK_FALSE(fs::exists(dir.file("cocbot.db.key.new")));
        check_reads_the_same(running);
    }

    TEST_CASE("with COCBOT_DATA_KEY, rekey needs the new key and writes no key file") {
        TempDir dir;
        const auto old_key = storage::random_key();
        {
            storage::Database db(database(dir), key_text(old_key));
            file_escrowed(db);
        }
        CHECK_THROWS_WITH_AS(storage::rekey(database(dir), key_text(old_key), std::nullopt, t0),
                             doctest::Contains("COCBOT_NEW_DATA_KEY"), std::runtime_error);
        const auto new_key = storage::random_key();
        const auto facts = storage::rekey(database(dir), key_text(old_key), new_key, t0);
        CHECK_FALSE(facts.key_file_written);
        CHECK_FALSE(fs::exists("unused.key"));
        storage::Database db(database(dir), key_text(new_key));
        check_reads_the_same(db);
    }

    TEST_CASE("rekey of a database that is not there says so, and makes none") {
        TempDir dir;
        CHECK_THROWS_WITH_AS(storage::rekey(database(dir), key_file_in(dir), std::nullopt, t0),
                             doctest::Contains("no database"), std::runtime_error);
        CHECK_FALSE(fs::exists(database(dir)));
    }

    TEST_CASE("a rekey that stopped after its commit is finished at the next start") {
        TempDir dir;
        const auto next = storage::random_key();
        {
            storage::Database db(database(dir), key_file_in(dir));
            file_escrowed(db);
            REQUIRE(db.lock_exclusively());
            storage::write_key_file(storage::pending_key_file(key_file_in(dir)), next);
            db.rekey(next, t0); // and then the power went, before the rename
        }
        storage::Database db(database(dir), key_file_in(dir));
        CHECK(db.rekey_finished());
        CHECK(key_in_file(dir.file("cocbot.db.key")) == next);
        CHECK_FALSE(fs::exists(dir.file("cocbot.db.key.new")));
        check_reads_the_same(db);
    }

    TEST_CASE("a rekey that stopped before its commit leaves the old key, and its new key goes") {
        TempDir dir;
        {
            storage::Database db(database(dir), key_file_in(dir));
            file_escrowed(db);
        }
        const auto key = bytes_of(dir.file("cocbot.db.key"));
        SUBCASE("a whole new key") {
            storage::write_key_file(storage::pending_key_file(key_file_in(dir)),
                                    storage::random_key());
        }
        SUBCASE("half of one: the power went while it was written") {
            std::ofstream{storage::pending_key_file(key_file_in(dir))} << "c2hv";
        }
        storage::Database db(database(dir), key_file_in(dir));
        CHECK_FALSE(db.rekey_finished());
        CHECK(bytes_of(dir.file("cocbot.db.key")) == key);
        CHECK_FALSE(fs::exists(dir.file("cocbot.db.key.new")));
        check_reads_the_same(db);
    }
}
